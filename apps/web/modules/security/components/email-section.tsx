'use client';

import { Button } from '@ontrack/ui/button';
import { FormField } from '@ontrack/ui/form-field';
import { Input } from '@ontrack/ui/input';
import { useTranslations } from 'next-intl';
import { type FormEvent, useRef, useState } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import type { ProblemView } from '../../auth/problem';
import { useFocusOnShow } from '../../auth/use-focus-on-show';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { problemOf } from '../../data/api-client';
import { useSignOut } from '../../shell/use-sign-out';
import { needsReauthentication } from '../second-factor';
import { useChangeEmail } from '../security-api';
import { ReauthDialog } from './reauth-dialog';

/**
 * The sign-in email. Changing it hands the account to whoever reads the new inbox, so the API wants a recent
 * sign-in: someone with an authenticator proves it here with a code; someone without one signs in again.
 */
export function EmailSection({ currentEmail, hasAuthenticator }: { currentEmail: string; hasAuthenticator: boolean }) {
  const t = useTranslations('security.email');
  const problemDetail = useProblemDetail();
  const changeEmail = useChangeEmail();
  const { signOut, signingOut, failure: signOutFailure } = useSignOut('/sign-in');
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [problem, setProblem] = useState<ProblemView>();
  const [mustSignInAgain, setMustSignInAgain] = useState(false);
  const [reauthOpen, setReauthOpen] = useState(false);
  const [notice, setNotice] = useState<string>();
  const inputRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusOnShow(alertRef, problem);
  const submitRef = useRef<HTMLButtonElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  async function submit() {
    setProblem(undefined);
    setFieldError(undefined);
    setMustSignInAgain(false);
    setNotice(undefined);
    const email = value.trim();
    if (!email) {
      setFieldError(t('missing'));
      inputRef.current?.focus();
      return;
    }
    try {
      const result = await changeEmail.mutateAsync({ email });
      setValue('');
      setNotice(t('changed', { email: result.email, count: result.signedOutSessions }));
      requestAnimationFrame(() => noticeRef.current?.focus());
    } catch (error) {
      const refusal = problemOf(error);
      if (needsReauthentication(refusal)) {
        if (hasAuthenticator) return setReauthOpen(true);
        setMustSignInAgain(true);
      }
      const inField = refusal.fieldErrors.email ?? (refusal.code === 'email_taken' ? refusal.detail : undefined);
      if (inField) {
        setFieldError(inField);
        inputRef.current?.focus();
        return;
      }
      setProblem(refusal);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit();
  }

  return (
    <section aria-labelledby="email-heading" className="space-y-4 rounded-lg border border-border bg-surface p-5">
      <h2 id="email-heading" className="text-xl font-semibold">
        {t('title')}
      </h2>
      <p>
        <span className="text-muted-foreground">{t('current')}</span>{' '}
        <span className="font-semibold break-all">{currentEmail}</span>
      </p>
      <p
        ref={noticeRef}
        tabIndex={-1}
        role="status"
        className={
          notice ? 'rounded-md border-l-4 border-accent bg-background p-4 focus-visible:outline-none' : 'sr-only'
        }
      >
        {notice}
      </p>
      {problem ? (
        <FormAlert alertRef={alertRef} title={t('failedTitle')}>
          {mustSignInAgain ? t('signInAgainNeeded') : problemDetail(problem)}
          {mustSignInAgain ? (
            <div className="mt-3">
              <Button variant="secondary" onClick={signOut} disabled={signingOut}>
                {signingOut ? t('signingOut') : t('signInAgain')}
              </Button>
              {signOutFailure ? <p className="mt-2 text-sm text-danger">{signOutFailure}</p> : null}
            </div>
          ) : null}
        </FormAlert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="grid gap-4">
        <FormField id="new-email" label={t('newLabel')} hint={t('newHint')} error={fieldError} required>
          <Input
            ref={inputRef}
            type="email"
            name="email"
            autoComplete="email"
            spellCheck={false}
            autoCapitalize="off"
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        </FormField>
        <div>
          <Button ref={submitRef} type="submit" disabled={changeEmail.isPending}>
            {changeEmail.isPending ? t('changing') : t('change')}
          </Button>
        </div>
      </form>
      <ReauthDialog
        open={reauthOpen}
        onOpenChange={setReauthOpen}
        onDone={() => void submit()}
        returnFocus={(succeeded) => (succeeded ? null : submitRef.current)}
      />
    </section>
  );
}
