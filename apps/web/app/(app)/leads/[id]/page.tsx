import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LeadDetailView } from '../../../../modules/leads/views/lead-detail-view';
import { pageMetadata } from '../../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../../modules/shell/require-session-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('leads.detail');
  return pageMetadata(t('metaTitle'));
}

// The view checks `leads:read`; the API answers 404 for an id that is not a lead of the active business.
export default async function LeadPage({ params }: PageProps<'/leads/[id]'>) {
  await requireSessionCookie();
  const { id } = await params;
  return <LeadDetailView id={id} />;
}
