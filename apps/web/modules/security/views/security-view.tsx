'use client';

import type { TotpEnrolment } from '@ontrack/schemas/auth-mfa';
import { Button } from '@ontrack/ui/button';
import { FormField } from '@ontrack/ui/form-field';
import { Input } from '@ontrack/ui/input';
import { Skeleton } from '@ontrack/ui/skeleton';
import { toast } from '@ontrack/ui/toast-store';
import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import type { ProblemView } from '../../auth/problem';
import { useFocusOnShow } from '../../auth/use-focus-on-show';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { problemOf } from '../../data/api-client';
import { useShell } from '../../shell/shell-context';
import { EmailSection } from '../components/email-section';
import { MfaStatusCard } from '../components/mfa-status-card';
import { ReauthDialog } from '../components/reauth-dialog';
import { RecoveryCodesPanel } from '../components/recovery-codes-panel';
import { TotpQrCode } from '../components/totp-qr-code';
import { TotpSecret } from '../components/totp-secret';
import { codeFieldError } from '../second-factor';
import { useConfirmTotp, useEnrolTotp, useMfaStatus, useRegenerateRecoveryCodes, useRemoveTotp } from '../security-api';

/** Where the two-step section is: the buttons, scanning a new authenticator, or codes shown once. */
type Flow =
  | { kind: 'idle' }
  | { kind: 'scan'; enrolment: TotpEnrolment }
  | { kind: 'codes'; codes: string[]; signedOutSessions: number };

type Pending = 'regenerate' | 'remove' | undefined;

/**
 * The signed-in person's sign-in security: their authenticator (set up, new recovery codes, removal) and
 * their sign-in email. Every change that needs a recent sign-in asks for a code first when the API says so.
 */
export function SecurityView() {
  const t = useTranslations('security');
  const problemDetail = useProblemDetail();
  const shell = useShell();
  const status = useMfaStatus();
  const enrol = useEnrolTotp();
  const confirmTotp = useConfirmTotp();
  const regenerate = useRegenerateRecoveryCodes();
  const remove = useRemoveTotp();
  const [flow, setFlow] = useState<Flow>({ kind: 'idle' });
  const [dialog, setDialog] = useState<Pending>();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [problem, setProblem] = useState<ProblemView>();
  const statusHeadingRef = useRef<HTMLHeadingElement>(null);
  const stepHeadingRef = useRef<HTMLHeadingElement>(null);
  const codeInputRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusOnShow(alertRef, problem);
  const regenerateRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const setUpRef = useRef<HTMLButtonElement>(null);
  const firstFlow = useRef(true);

  // A step replaces part of the page: focus moves to its heading (back to the status when the flow ends), so
  // screen readers start there and keyboard users do not lose their place.
  useEffect(() => {
    if (firstFlow.current) {
      firstFlow.current = false;
      return;
    }
    (flow.kind === 'idle' ? statusHeadingRef : stepHeadingRef).current?.focus();
  }, [flow.kind]);

  function fail(refusal: ProblemView) {
    setProblem(refusal);
  }

  async function startEnrolment() {
    setProblem(undefined);
    try {
      const enrolment = await enrol.mutateAsync();
      setCode('');
      setCodeError(undefined);
      setFlow({ kind: 'scan', enrolment });
    } catch (error) {
      fail(problemOf(error));
    }
  }

  async function confirmEnrolment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(undefined);
    const entered = code.replace(/\s+/g, '');
    if (!entered) {
      setCodeError(t('enrol.codeMissing'));
      codeInputRef.current?.focus();
      return;
    }
    setCodeError(undefined);
    try {
      const confirmed = await confirmTotp.mutateAsync(entered);
      setFlow({ kind: 'codes', codes: confirmed.recoveryCodes, signedOutSessions: confirmed.signedOutSessions });
    } catch (error) {
      const refusal = problemOf(error);
      const inField = codeFieldError(refusal);
      if (inField) {
        setCodeError(inField);
        codeInputRef.current?.focus();
      } else fail(refusal);
    }
  }

  function cancelEnrolment() {
    setProblem(undefined);
    setFlow({ kind: 'idle' });
  }

  const alert = problem ? (
    <FormAlert alertRef={alertRef} title={t('failedTitle')}>
      {problemDetail(problem)}
    </FormAlert>
  ) : null;

  const data = status.data;
  const requiredReason = data?.reason === 'admin' ? t('actions.removeBlockedAdmin') : t('actions.removeBlockedPolicy');

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="text-lg text-muted-foreground">{t('intro')}</p>

      {status.isError ? (
        <FormAlert title={t('failedTitle')}>
          <p>{problemDetail(problemOf(status.error))}</p>
          <Button variant="secondary" className="mt-3" onClick={() => void status.refetch()}>
            {t('retry')}
          </Button>
        </FormAlert>
      ) : null}

      {status.isPending ? (
        <div aria-busy="true" className="space-y-3">
          <p role="status" className="sr-only">
            {t('loading')}
          </p>
          <Skeleton className="h-40 w-full" />
          <Skeleton className="h-12 w-56" />
        </div>
      ) : null}

      {data ? (
        <div className="max-w-3xl space-y-6">
          <MfaStatusCard status={data} headingRef={statusHeadingRef} />
          {alert}

          {flow.kind === 'idle' && !data.totp.enrolled ? (
            <div className="space-y-3">
              <p>{t('enrol.intro')}</p>
              <Button ref={setUpRef} onClick={startEnrolment} disabled={enrol.isPending}>
                {enrol.isPending ? t('enrol.starting') : t('enrol.start')}
              </Button>
            </div>
          ) : null}

          {flow.kind === 'idle' && data.totp.enrolled ? (
            <div className="space-y-4">
              <div className="space-y-2">
                <Button ref={regenerateRef} variant="secondary" onClick={() => setDialog('regenerate')}>
                  {t('actions.regenerate')}
                </Button>
                <p className="text-sm text-muted-foreground">{t('actions.regenerateHint')}</p>
              </div>
              <div className="space-y-2">
                <Button
                  ref={removeRef}
                  variant="danger"
                  onClick={() => setDialog('remove')}
                  disabled={data.required}
                  aria-describedby={data.required ? 'remove-blocked' : undefined}
                >
                  {t('actions.remove')}
                </Button>
                {data.required ? (
                  <p id="remove-blocked" className="text-sm text-muted-foreground">
                    {requiredReason}
                  </p>
                ) : (
                  <p className="text-sm text-muted-foreground">{t('actions.removeHint')}</p>
                )}
              </div>
            </div>
          ) : null}

          {flow.kind === 'scan' ? (
            <section
              aria-labelledby="enrol-heading"
              className="space-y-4 rounded-lg border border-border bg-surface p-5"
            >
              <h2
                id="enrol-heading"
                ref={stepHeadingRef}
                tabIndex={-1}
                className="text-xl font-semibold focus-visible:outline-none"
              >
                {t('enrol.scanTitle')}
              </h2>
              <p className="text-muted-foreground">{t('enrol.scanIntro')}</p>
              <TotpQrCode svg={flow.enrolment.qrCodeSvg} alt={t('enrol.qrAlt')} />
              <TotpSecret secret={flow.enrolment.secret} label={t('enrol.secretLabel')} />
              <form noValidate onSubmit={confirmEnrolment} className="grid gap-4">
                <FormField
                  id="totp-code"
                  label={t('enrol.codeLabel')}
                  hint={t('enrol.codeHint')}
                  error={codeError}
                  required
                >
                  <Input
                    ref={codeInputRef}
                    name="code"
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    spellCheck={false}
                    value={code}
                    onChange={(event) => setCode(event.target.value)}
                  />
                </FormField>
                <div className="flex flex-col gap-2 sm:flex-row">
                  <Button type="submit" disabled={confirmTotp.isPending}>
                    {confirmTotp.isPending ? t('enrol.confirming') : t('enrol.confirm')}
                  </Button>
                  <Button variant="secondary" onClick={cancelEnrolment}>
                    {t('enrol.cancel')}
                  </Button>
                </div>
              </form>
            </section>
          ) : null}

          {flow.kind === 'codes' ? (
            <RecoveryCodesPanel
              codes={flow.codes}
              signedOutSessions={flow.signedOutSessions}
              headingRef={stepHeadingRef}
              onDone={() => setFlow({ kind: 'idle' })}
            />
          ) : null}

          <ReauthDialog
            open={dialog === 'regenerate'}
            onOpenChange={(open) => setDialog(open ? 'regenerate' : undefined)}
            title={t('actions.regenerateTitle')}
            description={t('actions.regenerateDescription')}
            confirm={{ label: t('actions.regenerateConfirm'), busyLabel: t('actions.regenerating') }}
            action={() => regenerate.mutateAsync()}
            onDone={(result) => {
              if (result) {
                setFlow({ kind: 'codes', codes: result.recoveryCodes, signedOutSessions: result.signedOutSessions });
              }
            }}
            // After a success the effect above moves focus to the new codes' heading.
            returnFocus={(succeeded) => (succeeded ? null : regenerateRef.current)}
          />
          <ReauthDialog
            open={dialog === 'remove'}
            onOpenChange={(open) => setDialog(open ? 'remove' : undefined)}
            title={t('actions.removeTitle')}
            description={t('actions.removeDescription')}
            confirm={{ label: t('actions.removeConfirm'), busyLabel: t('actions.removing'), danger: true }}
            action={() => remove.mutateAsync()}
            onDone={(result) => {
              if (result) {
                toast({
                  title: t('actions.removed'),
                  description: t('signedOut', { count: result.signedOutSessions }),
                  variant: 'success',
                });
              }
            }}
            // The button is gone once the authenticator is: the status (now "off") takes focus.
            returnFocus={(succeeded) => (succeeded ? statusHeadingRef.current : removeRef.current)}
          />

          {shell.status === 'ready' ? (
            <EmailSection currentEmail={shell.user.email} hasAuthenticator={data.totp.enrolled} />
          ) : (
            <Skeleton className="h-48 w-full" />
          )}
        </div>
      ) : null}
    </>
  );
}
