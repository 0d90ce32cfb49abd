'use client';

import { Button } from '@ontrack/ui/button';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { RecoveryCodesList } from '../../security/components/recovery-codes-list';
import { TotpQrCode } from '../../security/components/totp-qr-code';
import { TotpSecret } from '../../security/components/totp-secret';
import { authApi } from '../auth-api';
import { AuthCard } from '../components/auth-card';
import { FormAlert } from '../components/form-alert';
import { TextField } from '../components/text-field';
import { replaceWithFullLoad } from '../navigate-session';
import type { ProblemView } from '../problem';
import { useFocusOnShow } from '../use-focus-on-show';
import { useProblemDetail } from '../use-problem-detail';

type Step =
  | { kind: 'loading' }
  | { kind: 'verify' }
  | { kind: 'enrol' }
  | { kind: 'scan'; qrCodeSvg: string; secret: string }
  | { kind: 'codes'; recoveryCodes: string[] }
  | { kind: 'failed' };

const HEADINGS = {
  loading: 'loadingTitle',
  verify: 'verifyTitle',
  enrol: 'enrolTitle',
  scan: 'enrolTitle',
  codes: 'codesTitle',
  failed: 'loadingTitle',
} as const satisfies Record<Step['kind'], string>;

export function MfaView({ returnTo }: { returnTo: string }) {
  const t = useTranslations('auth.mfa');
  const problemDetail = useProblemDetail();
  const [step, setStep] = useState<Step>({ kind: 'loading' });
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [problem, setProblem] = useState<ProblemView>();
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusOnShow(alertRef, problem);
  const firstStep = useRef(true);

  useEffect(() => {
    let cancelled = false;
    void authApi.mfaStatus().then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        if (result.problem.status === 401) replaceWithFullLoad('/sign-in');
        else {
          setProblem(result.problem);
          setStep({ kind: 'failed' });
        }
        return;
      }
      if (result.data.totp.enrolled) setStep({ kind: 'verify' });
      else if (result.data.required) setStep({ kind: 'enrol' });
      else replaceWithFullLoad(returnTo); // nothing is owed
    });
    return () => {
      cancelled = true;
    };
  }, [returnTo]);

  // Each new step replaces the card's content: move focus to its heading so screen readers start there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each step change on purpose
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step.kind]);

  function fail(next: ProblemView) {
    const field = next.fieldErrors.code ?? next.fieldErrors.recoveryCode;
    // A wrong or replayed code (401 with a code) and a malformed one belong to the field; the rest (too many
    // attempts, a session that ended) to the form.
    if (field || next.code === 'invalid_code' || next.code === 'code_already_used') {
      setFieldError(field ?? problemDetail(next));
      inputRef.current?.focus();
      return;
    }
    setProblem(next);
  }

  function startOver() {
    setValue('');
    setFieldError(undefined);
    setProblem(undefined);
  }

  async function verify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(undefined);
    const entered = value.trim();
    if (!entered) {
      setFieldError(useRecovery ? t('recoveryMissing') : t('codeMissing'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await authApi.verifyMfa(useRecovery ? { recoveryCode: entered } : { code: entered });
    if (result.ok) {
      replaceWithFullLoad(returnTo);
      return;
    }
    setBusy(false);
    fail(result.problem);
  }

  async function enrol() {
    setBusy(true);
    setProblem(undefined);
    const result = await authApi.enrolTotp();
    setBusy(false);
    if (!result.ok) return fail(result.problem);
    startOver();
    setStep({ kind: 'scan', qrCodeSvg: result.data.qrCodeSvg, secret: result.data.secret });
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(undefined);
    if (!value.trim()) {
      setFieldError(t('codeMissing'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await authApi.confirmTotp(value.trim());
    setBusy(false);
    if (!result.ok) return fail(result.problem);
    startOver();
    setStep({ kind: 'codes', recoveryCodes: result.data.recoveryCodes });
  }

  const alert = problem ? (
    <FormAlert alertRef={alertRef} title={t('failedTitle')}>
      {problemDetail(problem)}
    </FormAlert>
  ) : null;

  const codeField = (
    <TextField
      key={useRecovery ? 'recovery' : 'code'}
      id={useRecovery ? 'recovery-code' : 'code'}
      name={useRecovery ? 'recoveryCode' : 'code'}
      label={useRecovery ? t('recoveryLabel') : t('codeLabel')}
      hint={useRecovery ? t('recoveryHint') : t('codeHint')}
      autoComplete={useRecovery ? 'off' : 'one-time-code'}
      inputMode={useRecovery ? 'text' : 'numeric'}
      spellCheck={false}
      autoCapitalize={useRecovery ? 'characters' : 'off'}
      required
      value={value}
      onChange={(event) => setValue(event.target.value)}
      error={fieldError}
      inputRef={inputRef}
    />
  );

  return (
    <AuthCard title={t(HEADINGS[step.kind])} headingRef={headingRef}>
      {step.kind === 'loading' ? (
        <p role="status" className="text-muted-foreground">
          {t('loading')}
        </p>
      ) : null}

      {step.kind === 'failed' ? (
        <>
          {alert}
          <p>
            <Link href="/sign-in" className="font-medium underline underline-offset-4">
              {t('signInAgain')}
            </Link>
          </p>
        </>
      ) : null}

      {step.kind === 'verify' ? (
        <>
          <p className="text-muted-foreground">{useRecovery ? t('recoveryHint') : t('verifyIntro')}</p>
          {alert}
          <form noValidate onSubmit={verify} className="space-y-4">
            {codeField}
            <Button type="submit" size="lg" className="w-full" disabled={busy}>
              {busy ? t('verifying') : t('verify')}
            </Button>
          </form>
          <Button
            variant="ghost"
            className="w-full"
            onClick={() => {
              startOver();
              setUseRecovery(!useRecovery);
              requestAnimationFrame(() => inputRef.current?.focus());
            }}
          >
            {useRecovery ? t('useCode') : t('useRecovery')}
          </Button>
        </>
      ) : null}

      {step.kind === 'enrol' ? (
        <>
          <p className="text-muted-foreground">{t('enrolIntro')}</p>
          {alert}
          <Button size="lg" className="w-full" onClick={enrol} disabled={busy}>
            {busy ? t('enrolStarting') : t('enrolStart')}
          </Button>
        </>
      ) : null}

      {step.kind === 'scan' ? (
        <>
          <p className="text-muted-foreground">{t('scanIntro')}</p>
          <TotpQrCode svg={step.qrCodeSvg} alt={t('qrAlt')} />
          <TotpSecret secret={step.secret} label={t('secretLabel')} />
          {alert}
          <form noValidate onSubmit={confirm} className="space-y-4">
            {codeField}
            <Button type="submit" size="lg" className="w-full" disabled={busy}>
              {busy ? t('verifying') : t('confirm')}
            </Button>
          </form>
        </>
      ) : null}

      {step.kind === 'codes' ? (
        <>
          <p className="text-muted-foreground">{t('codesIntro')}</p>
          <RecoveryCodesList codes={step.recoveryCodes} label={t('codesList')} />
          <Button size="lg" className="w-full" onClick={() => replaceWithFullLoad(returnTo)}>
            {t('codesDone')}
          </Button>
        </>
      ) : null}
    </AuthCard>
  );
}
