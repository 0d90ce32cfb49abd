import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BusinessSettingsView } from '../../../../modules/settings/views/business-settings-view';
import { pageMetadata } from '../../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../../modules/shell/require-session-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.business');
  return pageMetadata(t('title'));
}

export default async function BusinessSettingsPage() {
  await requireSessionCookie();
  return <BusinessSettingsView />;
}
