import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { pageMetadata } from '../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../modules/shell/require-session-cookie';
import { SectionPlaceholderView } from '../../../modules/shell/views/section-placeholder-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shell.nav');
  return pageMetadata(t('leads'));
}

export default async function LeadsPage() {
  await requireSessionCookie();
  return <SectionPlaceholderView section="leads" anyOf={['leads:read']} />;
}
