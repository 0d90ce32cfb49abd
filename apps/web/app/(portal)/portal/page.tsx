import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PortalHomeView } from '../../../modules/portal/views/portal-home-view';
import { pageMetadata } from '../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../modules/shell/require-session-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('portal.shell.nav');
  return pageMetadata(t('home'));
}

export default async function PortalHomePage() {
  await requireSessionCookie();
  return <PortalHomeView />;
}
