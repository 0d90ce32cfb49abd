import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InvitationView } from '../../../../modules/auth/views/invitation-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.invitation');
  const tMeta = await getTranslations('metadata');
  return { title: tMeta('titleTemplate', { page: t('title') }), robots: { index: false, follow: false } };
}

/** The page an invitation email links to (`/auth/invitation?token=…`). */
export default async function InvitationPage({ searchParams }: PageProps<'/auth/invitation'>) {
  const { token } = await searchParams;
  return <InvitationView token={typeof token === 'string' && token ? token : undefined} />;
}
