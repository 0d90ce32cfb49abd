import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DevicesView } from '../../../../modules/settings/views/devices-view';
import { pageMetadata } from '../../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../../modules/shell/require-session-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.devices');
  return pageMetadata(t('title'));
}

// Every signed-in person manages their own devices, whatever their role: this page needs no permission.
export default async function DevicesPage() {
  await requireSessionCookie();
  return <DevicesView />;
}
