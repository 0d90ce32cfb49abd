import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { pageMetadata } from '../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../modules/shell/require-session-cookie';
import { DashboardView } from '../../../modules/shell/views/dashboard-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shell.nav');
  return pageMetadata(t('dashboard'));
}

export default async function DashboardPage() {
  await requireSessionCookie();
  return <DashboardView />;
}
