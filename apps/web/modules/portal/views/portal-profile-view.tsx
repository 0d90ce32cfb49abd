'use client';

import { Button } from '@ontrack/ui/button';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { FormAlert } from '../../auth/components/form-alert';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { api, problemOf, unwrap } from '../../data/api-client';
import { ProfileForm } from '../../settings/components/profile-form';

/** The client's own name and language, and a way out of every other device they signed in on. */
export function PortalProfileView() {
  const t = useTranslations('portal.profile');
  const problemDetail = useProblemDetail();
  const signOutOthers = useMutation({
    mutationFn: () => unwrap(() => api.POST('/api/v1/auth/sessions/sign-out-others')),
  });

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <ProfileForm />
      <section aria-labelledby="devices-heading" className="max-w-xl space-y-3 border-t border-border pt-6">
        <h2 id="devices-heading" className="text-xl font-semibold">
          {t('devicesTitle')}
        </h2>
        <p className="text-muted-foreground">{t('devicesIntro')}</p>
        <Button variant="secondary" onClick={() => signOutOthers.mutate()} disabled={signOutOthers.isPending}>
          {signOutOthers.isPending ? t('signingOutOthers') : t('signOutOthers')}
        </Button>
        <div role="status">
          {signOutOthers.isSuccess ? t('signedOutOthers', { count: signOutOthers.data.signedOut }) : null}
        </div>
        {signOutOthers.isError ? (
          <FormAlert title={t('failedTitle')}>{problemDetail(problemOf(signOutOthers.error))}</FormAlert>
        ) : null}
      </section>
    </>
  );
}
