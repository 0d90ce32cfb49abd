import type { Metadata } from 'next';
import { MagicLinkView } from '../../../../modules/auth/views/magic-link-view';

export const metadata: Metadata = { title: 'Sign in · OnTrack', robots: { index: false, follow: false } };

export default async function MagicLinkPage({ searchParams }: PageProps<'/auth/magic'>) {
  const { token } = await searchParams;
  return <MagicLinkView token={typeof token === 'string' && token ? token : undefined} />;
}
