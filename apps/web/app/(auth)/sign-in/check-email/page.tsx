import { BUSINESS_SLUG_PATTERN } from '@ontrack/schemas/tenants';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CheckEmailView } from '../../../../modules/auth/views/check-email-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('metadata');
  return { title: t('titleTemplate', { page: t('checkEmail') }) };
}

export default async function CheckEmailPage({ searchParams }: PageProps<'/sign-in/check-email'>) {
  const { email, portal } = await searchParams;
  // Only a well-formed slug goes into the "ask again" request and link.
  return (
    <CheckEmailView
      email={typeof email === 'string' && email.length <= 254 ? email : undefined}
      portal={typeof portal === 'string' && BUSINESS_SLUG_PATTERN.test(portal) ? portal : undefined}
    />
  );
}
