import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PortalProfileView } from '../../../../modules/portal/views/portal-profile-view';
import { pageMetadata } from '../../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../../modules/shell/require-session-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('portal.shell.nav');
  return pageMetadata(t('profile'));
}

export default async function PortalProfilePage() {
  await requireSessionCookie();
  return <PortalProfileView />;
}
