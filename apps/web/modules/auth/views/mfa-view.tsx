'use client';

import { Button } from '@ontrack/ui/button';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { authApi } from '../auth-api';
import { AuthCard } from '../components/auth-card';
import { FormAlert } from '../components/form-alert';
import { TextField } from '../components/text-field';
import type { ProblemView } from '../problem';

const text = {
  loadingTitle: 'Two-step verification',
  loading: 'Checking your sign-in…',
  verifyTitle: 'Enter your verification code',
  verifyIntro: 'Open your authenticator app and enter the 6-digit code it shows for OnTrack.',
  codeLabel: 'Verification code',
  codeHint: '6 digits, for example 123456.',
  codeMissing: 'Enter the 6-digit code from your authenticator app.',
  recoveryLabel: 'Recovery code',
  recoveryHint: 'One of the codes you saved when you set up two-step verification, like ABCD-EFGH-JKLM-NPQR.',
  recoveryMissing: 'Enter one of your recovery codes.',
  useRecovery: 'Use a recovery code instead',
  useCode: 'Use a code from your authenticator app',
  verify: 'Verify',
  verifying: 'Verifying…',
  enrolTitle: 'Set up two-step verification',
  enrolIntro:
    'Your account must be protected with a second step: a code from an authenticator app on your phone (such as Google Authenticator, Microsoft Authenticator or 1Password).',
  enrolStart: 'Set up authenticator app',
  enrolStarting: 'Preparing…',
  scanIntro: 'Scan this QR code with your authenticator app, then enter the 6-digit code it shows.',
  qrAlt: 'QR code to add OnTrack to your authenticator app',
  secretLabel: 'Cannot scan? Enter this key in the app instead:',
  confirm: 'Confirm and continue',
  codesTitle: 'Save your recovery codes',
  codesIntro:
    'If you lose your phone, each of these codes signs you in once. They are shown only now: print them or keep them in your password manager.',
  codesList: 'Recovery codes',
  codesDone: 'I have saved my codes, continue',
  failedTitle: 'That did not work',
  signInAgain: 'Sign in again',
} as const;

type Step =
  | { kind: 'loading' }
  | { kind: 'verify' }
  | { kind: 'enrol' }
  | { kind: 'scan'; qrCodeSvg: string; secret: string }
  | { kind: 'codes'; recoveryCodes: string[] }
  | { kind: 'failed' };

const HEADINGS: Record<Step['kind'], string> = {
  loading: text.loadingTitle,
  verify: text.verifyTitle,
  enrol: text.enrolTitle,
  scan: text.enrolTitle,
  codes: text.codesTitle,
  failed: text.loadingTitle,
};

/**
 * The SVG QR code from the API, shown as an image: an SVG in <img> is rendered as a picture only (no scripts,
 * no links, no external loads), so the markup never becomes part of this page's DOM. data: images are
 * allowed by the CSP (img-src).
 */
function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function MfaView({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [step, setStep] = useState<Step>({ kind: 'loading' });
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [problem, setProblem] = useState<ProblemView>();
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const firstStep = useRef(true);

  useEffect(() => {
    let cancelled = false;
    void authApi.mfaStatus().then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        if (result.problem.status === 401) router.replace('/sign-in');
        else {
          setProblem(result.problem);
          setStep({ kind: 'failed' });
        }
        return;
      }
      if (result.data.totp.enrolled) setStep({ kind: 'verify' });
      else if (result.data.required) setStep({ kind: 'enrol' });
      else router.replace(returnTo); // nothing is owed
    });
    return () => {
      cancelled = true;
    };
  }, [router, returnTo]);

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
      setFieldError(field ?? next.detail);
      inputRef.current?.focus();
      return;
    }
    setProblem(next);
    requestAnimationFrame(() => alertRef.current?.focus());
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
      setFieldError(useRecovery ? text.recoveryMissing : text.codeMissing);
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await authApi.verifyMfa(useRecovery ? { recoveryCode: entered } : { code: entered });
    if (result.ok) {
      router.replace(returnTo);
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
      setFieldError(text.codeMissing);
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
    <FormAlert alertRef={alertRef} title={text.failedTitle}>
      {problem.detail}
    </FormAlert>
  ) : null;

  const codeField = (
    <TextField
      key={useRecovery ? 'recovery' : 'code'}
      id={useRecovery ? 'recovery-code' : 'code'}
      name={useRecovery ? 'recoveryCode' : 'code'}
      label={useRecovery ? text.recoveryLabel : text.codeLabel}
      hint={useRecovery ? text.recoveryHint : text.codeHint}
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
    <AuthCard title={HEADINGS[step.kind]} headingRef={headingRef}>
      {step.kind === 'loading' ? (
        <p role="status" className="text-muted-foreground">
          {text.loading}
        </p>
      ) : null}

      {step.kind === 'failed' ? (
        <>
          {alert}
          <p>
            <Link href="/sign-in" className="font-medium underline underline-offset-4">
              {text.signInAgain}
            </Link>
          </p>
        </>
      ) : null}

      {step.kind === 'verify' ? (
        <>
          <p className="text-muted-foreground">{useRecovery ? text.recoveryHint : text.verifyIntro}</p>
          {alert}
          <form noValidate onSubmit={verify} className="space-y-4">
            {codeField}
            <Button type="submit" size="lg" className="w-full" disabled={busy}>
              {busy ? text.verifying : text.verify}
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
            {useRecovery ? text.useCode : text.useRecovery}
          </Button>
        </>
      ) : null}

      {step.kind === 'enrol' ? (
        <>
          <p className="text-muted-foreground">{text.enrolIntro}</p>
          {alert}
          <Button size="lg" className="w-full" onClick={enrol} disabled={busy}>
            {busy ? text.enrolStarting : text.enrolStart}
          </Button>
        </>
      ) : null}

      {step.kind === 'scan' ? (
        <>
          <p className="text-muted-foreground">{text.scanIntro}</p>
          {/* biome-ignore lint/performance/noImgElement: a data: URL, nothing for next/image to optimise */}
          <img
            src={svgDataUrl(step.qrCodeSvg)}
            alt={text.qrAlt}
            width={200}
            height={200}
            className="mx-auto rounded-md bg-white p-2"
          />
          <div>
            <p className="text-sm">{text.secretLabel}</p>
            <code className="mt-1 block break-all rounded-md bg-surface-muted p-2 font-mono text-sm">
              {step.secret}
            </code>
          </div>
          {alert}
          <form noValidate onSubmit={confirm} className="space-y-4">
            {codeField}
            <Button type="submit" size="lg" className="w-full" disabled={busy}>
              {busy ? text.verifying : text.confirm}
            </Button>
          </form>
        </>
      ) : null}

      {step.kind === 'codes' ? (
        <>
          <p className="text-muted-foreground">{text.codesIntro}</p>
          <ul aria-label={text.codesList} className="grid grid-cols-2 gap-2 rounded-md bg-surface-muted p-4 font-mono">
            {step.recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <Button size="lg" className="w-full" onClick={() => router.replace(returnTo)}>
            {text.codesDone}
          </Button>
        </>
      ) : null}
    </AuthCard>
  );
}
