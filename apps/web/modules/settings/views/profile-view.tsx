'use client';

import { useTranslations } from 'next-intl';
import { ProfileForm } from '../components/profile-form';

/** The person's own profile: anyone signed in, whatever their role. */
export function ProfileView() {
  const t = useTranslations('settings.profile');
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="text-lg text-muted-foreground">{t('intro')}</p>
      <ProfileForm />
    </>
  );
}
