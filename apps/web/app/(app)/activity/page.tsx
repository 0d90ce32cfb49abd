import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { pageMetadata } from '../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../modules/shell/require-session-cookie';
import { SectionPlaceholderView } from '../../../modules/shell/views/section-placeholder-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shell.nav');
  return pageMetadata(t('activity'));
}

export default async function ActivityPage() {
  await requireSessionCookie();
  return <SectionPlaceholderView section="activity" anyOf={['activity:read']} />;
}
