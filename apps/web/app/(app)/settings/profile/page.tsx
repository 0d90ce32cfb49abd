import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ProfileView } from '../../../../modules/settings/views/profile-view';
import { pageMetadata } from '../../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../../modules/shell/require-session-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.profile');
  return pageMetadata(t('title'));
}

// Everyone signed in edits their own profile: no permission needed.
export default async function ProfilePage() {
  await requireSessionCookie();
  return <ProfileView />;
}
