import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActivityView } from '../../../modules/activity/views/activity-view';
import { pageMetadata } from '../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../modules/shell/require-session-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('activity');
  return pageMetadata(t('title'));
}

// The view checks `activity:read` (and the API refuses the data without it); the filters live in the URL.
export default async function ActivityPage() {
  await requireSessionCookie();
  return <ActivityView />;
}
