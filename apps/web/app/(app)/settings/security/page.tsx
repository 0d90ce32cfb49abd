import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SecurityView } from '../../../../modules/security/views/security-view';
import { pageMetadata } from '../../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../../modules/shell/require-session-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('security');
  return pageMetadata(t('title'));
}

// Every signed-in person secures their own account, whatever their role: this page needs no permission.
export default async function SecurityPage() {
  await requireSessionCookie();
  return <SecurityView />;
}
