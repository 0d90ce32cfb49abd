import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SettingsOverviewView } from '../../../modules/settings/views/settings-overview-view';
import { pageMetadata } from '../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../modules/shell/require-session-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shell.nav');
  return pageMetadata(t('settings'));
}

export default async function SettingsPage() {
  await requireSessionCookie();
  return <SettingsOverviewView />;
}
