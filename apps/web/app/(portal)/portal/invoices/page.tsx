import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PortalSectionView } from '../../../../modules/portal/views/portal-section-view';
import { pageMetadata } from '../../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../../modules/shell/require-session-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('portal.shell.nav');
  return pageMetadata(t('invoices'));
}

export default async function PortalInvoicesPage() {
  await requireSessionCookie();
  return <PortalSectionView section="invoices" />;
}
