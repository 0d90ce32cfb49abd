import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { pageMetadata } from '../../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../../modules/shell/require-session-cookie';
import { RolesView } from '../../../../modules/team/views/roles-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('team.rolesPage');
  return pageMetadata(t('title'));
}

// Needs roles:read in the active business (checked by the view against the shell's permissions, and by the API).
export default async function RolesPage() {
  await requireSessionCookie();
  return <RolesView />;
}
