import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LeadBoardView } from '../../../modules/leads/views/lead-board-view';
import { pageMetadata } from '../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../modules/shell/require-session-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('leads.board');
  return pageMetadata(t('title'));
}

// The view checks `leads:read` against the shell's permissions (and the API refuses the data without it).
export default async function LeadsPage() {
  await requireSessionCookie();
  return <LeadBoardView />;
}
