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
 * The page the emailed link opens. Opening it never signs in by itself: the link is spent only when the
 * person presses the button. Mail scanners, link previews and browser prefetching fetch (and some even run)
 * the pages behind links; a page that redeemed the token on load would spend it — or sign the scanner in —
 * before the person ever clicked. The button is a step no robot takes.
 */
export function MagicLinkView({ token }: { token: string | undefined }) {
  const t = useTranslations('auth.magicLink');
  const problemDetail = useProblemDetail();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemView>();
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusOnShow(alertRef, problem);

  async function signIn() {
    if (!token) return;
    setBusy(true);
    setProblem(undefined);
    const result = await authApi.verifyMagicLink(token);
    if (result.ok) {
      // replace: the spent link should not stay in the history to be pressed again.
      replaceWithFullLoad(result.data.mfaPending ? '/sign-in/mfa' : await signedInHome());
      return;
    }
    setBusy(false);
    setProblem(result.problem);
  }

  if (!token) {
    return (
      <AuthCard title={t('title')}>
        <FormAlert title={t('refusedTitle')}>{t('missingToken')}</FormAlert>
        <AgainLink />
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('title')}>
      {problem ? (
        <>
          <FormAlert alertRef={alertRef} title={t('refusedTitle')}>
            {problemDetail(problem)}
          </FormAlert>
          <AgainLink />
        </>
      ) : (
        <>
          <p className="text-muted-foreground">{t('intro')}</p>
          <Button size="lg" className="w-full" onClick={signIn} disabled={busy}>
            {busy ? t('signingIn') : t('button')}
          </Button>
        </>
      )}
    </AuthCard>
  );
}

function AgainLink() {
  const t = useTranslations('auth.magicLink');
  return (
    <p>
      <Link href="/sign-in" className="font-medium underline underline-offset-4">
        {t('again')}
      </Link>
    </p>
  );
}
