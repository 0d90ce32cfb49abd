import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MagicLinkView } from '../../../../modules/auth/views/magic-link-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('metadata');
  return { title: t('titleTemplate', { page: t('signIn') }), robots: { index: false, follow: false } };
}

export default async function MagicLinkPage({ searchParams }: PageProps<'/auth/magic'>) {
  const { token } = await searchParams;
  return <MagicLinkView token={typeof token === 'string' && token ? token : undefined} />;
}
