'use client';

import { Button } from '@ontrack/ui/button';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { authApi } from '../auth-api';
import { AuthCard } from '../components/auth-card';
import { FormAlert } from '../components/form-alert';
import { replaceWithFullLoad } from '../navigate-session';
import type { ProblemView } from '../problem';
import { signedInHome } from '../signed-in-home';
import { useFocusOnShow } from '../use-focus-on-show';
import { useProblemDetail } from '../use-problem-detail';

/**
 * Accepting an invitation: it creates the account (or adds the business to an existing one) and signs in.
 * Like the sign-in link, it is spent only when the person presses the button — mail scanners open links too.
 * An Admin invitation continues to the authenticator set-up; a client's goes to their portal.
 */
export function InvitationView({ token }: { token: string | undefined }) {
  const t = useTranslations('auth.invitation');
  const problemDetail = useProblemDetail();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemView>();
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusOnShow(alertRef, problem);

  async function accept() {
    if (!token) return;
    setBusy(true);
    setProblem(undefined);
    const result = await authApi.acceptInvitation(token);
    if (result.ok) {
      replaceWithFullLoad(result.data.mfaPending ? '/sign-in/mfa' : await signedInHome());
      return;
    }
    setBusy(false);
    setProblem(result.problem);
  }

  return (
    <AuthCard title={t('title')}>
      {!token ? (
        <FormAlert title={t('refusedTitle')}>{t('missingToken')}</FormAlert>
      ) : problem ? (
        <FormAlert alertRef={alertRef} title={t('refusedTitle')}>
          {problemDetail(problem)}
        </FormAlert>
      ) : (
        <>
          <p className="text-muted-foreground">{t('intro')}</p>
          <Button size="lg" className="w-full" onClick={accept} disabled={busy}>
            {busy ? t('accepting') : t('button')}
          </Button>
        </>
      )}
      {!token || problem ? (
        <p>
          <Link href="/sign-in" className="font-medium underline underline-offset-4">
            {t('signIn')}
          </Link>
        </p>
      ) : null}
    </AuthCard>
  );
}
