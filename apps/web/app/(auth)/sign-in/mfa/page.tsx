import { safeReturnTo } from '@ontrack/schemas/auth-oidc';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MfaView } from '../../../../modules/auth/views/mfa-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('metadata');
  return { title: t('titleTemplate', { page: t('mfa') }) };
}

export default async function MfaPage({ searchParams }: PageProps<'/sign-in/mfa'>) {
  const { returnTo } = await searchParams;
  // The single sign-on callback sends `returnTo` along; anything but a path of this app is dropped.
  return <MfaView returnTo={safeReturnTo(typeof returnTo === 'string' ? returnTo : undefined) ?? '/app'} />;
}
