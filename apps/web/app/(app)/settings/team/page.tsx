import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { pageMetadata } from '../../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../../modules/shell/require-session-cookie';
import { TeamView } from '../../../../modules/team/views/team-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('team.page');
  return pageMetadata(t('title'));
}

// Needs users:read in the active business (checked by the view against the shell's permissions, and by the API).
export default async function TeamPage() {
  await requireSessionCookie();
  return <TeamView />;
}
