'use client';

import type { Me } from '@ontrack/schemas/tenants';
import { BrandMark } from '@ontrack/ui/brand-mark';
import { Button } from '@ontrack/ui/button';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { authApi } from '../auth-api';
import { FormAlert } from '../components/form-alert';
import { replaceWithFullLoad } from '../navigate-session';
import type { ProblemView } from '../problem';
import { useProblemDetail } from '../use-problem-detail';

// Only the fields this page shows: the generated SDK describes `locale` as a list of strings, which the
// schema says is a string or null, so the page does not rely on it.
type SignedInUser = Pick<Me, 'name' | 'email' | 'memberships'>;

/**
 * The signed-in landing until the app shell exists: who is signed in, their businesses, and signing out.
 * A session that no longer works (signed out elsewhere, timed out) goes back to the sign-in page; one that
 * still owes its second factor goes to that step.
 */
export function SignedInView() {
  const t = useTranslations('app.signedIn');
  const problemDetail = useProblemDetail();
  const [me, setMe] = useState<SignedInUser>();
  const [problem, setProblem] = useState<ProblemView>();
  const [signingOut, setSigningOut] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const result = await authApi.me();
      if (cancelled) return;
      if (result.ok) return setMe(result.data);
      if (result.problem.status !== 401) return setProblem(result.problem);
      // The MFA status route is the one an MFA-pending session may still read.
      const mfa = await authApi.mfaStatus();
      if (!cancelled) replaceWithFullLoad(mfa.ok ? '/sign-in/mfa' : '/sign-in');
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  async function signOut() {
    setSigningOut(true);
    const result = await authApi.signOut();
    // A 401 means the session had ended already: signed out either way.
    if (result.ok || result.problem.status === 401) {
      replaceWithFullLoad('/sign-in');
      return;
    }
    setSigningOut(false);
    setProblem(result.problem);
    requestAnimationFrame(() => alertRef.current?.focus());
  }

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="bg-brand-navy text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <BrandMark />
          {me ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={signOut}
              disabled={signingOut}
              className="focus-visible:outline-brand-green"
            >
              {signingOut ? t('signingOut') : t('signOut')}
            </Button>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 focus-visible:outline-none">
        <div className="mx-auto max-w-6xl space-y-6 px-4 py-12 sm:px-6">
          <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
          {problem ? (
            <FormAlert alertRef={alertRef} title={t('failedTitle')}>
              {problemDetail(problem)}
            </FormAlert>
          ) : null}
          {me ? (
            <>
              <p className="text-lg">
                {t.rich('signedInAs', {
                  name: me.name,
                  email: me.email,
                  strong: (chunks) => <strong>{chunks}</strong>,
                  muted: (chunks) => <span className="text-muted-foreground">{chunks}</span>,
                })}
              </p>
              <section aria-labelledby="businesses-heading">
                <h2 id="businesses-heading" className="text-xl font-semibold">
                  {t('businesses')}
                </h2>
                {me.memberships.length ? (
                  <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                    {me.memberships.map((membership) => (
                      <li key={membership.tenantId} className="rounded-lg border border-border bg-surface p-5">
                        <p className="font-semibold">{membership.name}</p>
                        <p className="mt-1 text-muted-foreground text-sm">{t(`status.${membership.status}`)}</p>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-2 text-muted-foreground">{t('noBusinesses')}</p>
                )}
              </section>
            </>
          ) : problem ? null : (
            <p role="status" className="text-muted-foreground">
              {t('loading')}
            </p>
          )}
        </div>
      </main>
    </div>
  );
}
