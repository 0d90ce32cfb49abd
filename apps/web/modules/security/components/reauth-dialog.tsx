'use client';

import { Button } from '@ontrack/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@ontrack/ui/dialog';
import { FormField } from '@ontrack/ui/form-field';
import { Input } from '@ontrack/ui/input';
import { useTranslations } from 'next-intl';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import type { ProblemView } from '../../auth/problem';
import { useFocusOnShow } from '../../auth/use-focus-on-show';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { problemOf } from '../../data/api-client';
import { codeFieldError, needsReauthentication, secondFactorOf } from '../second-factor';
import { useReauthenticate } from '../security-api';

type Step = 'confirm' | 'reauth';

export interface ReauthDialogProps<T> {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The confirm step's title and description (the code step has its own). */
  title?: string;
  description?: ReactNode;
  /**
   * An "are you sure?" step before `action` runs (its button's words). Without it the dialog opens on the
   * code step: the caller already tried and was told to re-authenticate.
   */
  confirm?: { label: string; busyLabel: string; danger?: boolean };
  /**
   * The change, run on confirming and again once the person has proved it is them. Throws a ProblemError
   * when refused. Without it the dialog only re-authenticates, and the caller retries.
   */
  action?: () => Promise<T>;
  onDone: (result: T | undefined) => void;
  /** Where focus goes when the dialog closes: the button that opened it, or what a success put on screen. */
  returnFocus: (succeeded: boolean) => HTMLElement | null | undefined;
}

/**
 * Email and MFA changes need a sign-in (or a re-authentication) of the last 10 minutes. When the API refuses
 * one with `reauthentication_required`, this asks for the current authenticator code or a recovery code,
 * re-authenticates (POST /auth/reauthenticate) and runs the change again.
 */
export function ReauthDialog<T>({
  open,
  onOpenChange,
  title,
  description,
  confirm,
  action,
  onDone,
  returnFocus,
}: ReauthDialogProps<T>) {
  const t = useTranslations('security.reauth');
  const problemDetail = useProblemDetail();
  const reauthenticate = useReauthenticate();
  const [step, setStep] = useState<Step>(confirm ? 'confirm' : 'reauth');
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [problem, setProblem] = useState<ProblemView>();
  const [busy, setBusy] = useState(false);
  const succeeded = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusOnShow(alertRef, problem);

  // Each opening starts afresh: the state is put back on closing (the content unmounts at once, so nothing
  // shows the change), never on opening, when Radix has already picked the element to focus.
  function close() {
    setStep(confirm ? 'confirm' : 'reauth');
    setUseRecovery(false);
    setValue('');
    setFieldError(undefined);
    setProblem(undefined);
    setBusy(false);
    onOpenChange(false);
  }

  // The code step replaces the confirm step, and a switch to a recovery code replaces the field: the field
  // takes focus each time.
  // biome-ignore lint/correctness/useExhaustiveDependencies: useRecovery changes which field is there to focus
  useEffect(() => {
    if (open && step === 'reauth') inputRef.current?.focus();
  }, [open, step, useRecovery]);

  function showProblem(next: ProblemView) {
    setProblem(next);
  }

  function finish(result: T | undefined) {
    succeeded.current = true;
    close();
    onDone(result);
  }

  /** Runs the change: done, refused (shown here), or waiting for a code (the dialog moves to that step). */
  async function run(): Promise<void> {
    if (!action) return finish(undefined);
    try {
      finish(await action());
    } catch (error) {
      const refusal = problemOf(error);
      if (needsReauthentication(refusal)) return setStep('reauth');
      showProblem(refusal);
    }
  }

  async function onConfirm() {
    setBusy(true);
    setProblem(undefined);
    await run();
    setBusy(false);
  }

  async function onVerify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(undefined);
    const factor = secondFactorOf(value, useRecovery);
    if (!factor) {
      setFieldError(useRecovery ? t('recoveryMissing') : t('codeMissing'));
      inputRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      await reauthenticate.mutateAsync(factor);
    } catch (error) {
      setBusy(false);
      const refusal = problemOf(error);
      const inField = codeFieldError(refusal);
      if (inField) {
        setFieldError(inField);
        inputRef.current?.focus();
      } else showProblem(refusal);
      return;
    }
    await run();
    setBusy(false);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) onOpenChange(true);
        else close();
      }}
    >
      <DialogContent
        closeLabel={t('close')}
        onOpenAutoFocus={(event) => {
          succeeded.current = false;
          // The code step starts in its field; the confirm step on its first button, Cancel (Radix's default).
          if (step === 'reauth') {
            event.preventDefault();
            inputRef.current?.focus();
          }
        }}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus(succeeded.current)?.focus();
        }}
      >
        <DialogHeader>
          <DialogTitle>{step === 'reauth' || !title ? t('title') : title}</DialogTitle>
          <DialogDescription>{step === 'reauth' || !description ? t('intro') : description}</DialogDescription>
        </DialogHeader>
        {problem ? (
          <FormAlert alertRef={alertRef} title={t('failedTitle')}>
            {problemDetail(problem)}
          </FormAlert>
        ) : null}
        {step === 'confirm' && confirm ? (
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">{t('cancel')}</Button>
            </DialogClose>
            <Button variant={confirm.danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>
              {busy ? confirm.busyLabel : confirm.label}
            </Button>
          </DialogFooter>
        ) : (
          <form noValidate onSubmit={onVerify} className="grid gap-4">
            <FormField
              key={useRecovery ? 'recovery' : 'code'}
              id={useRecovery ? 'reauth-recovery-code' : 'reauth-code'}
              label={useRecovery ? t('recoveryLabel') : t('codeLabel')}
              hint={useRecovery ? t('recoveryHint') : t('codeHint')}
              error={fieldError}
              required
            >
              <Input
                ref={inputRef}
                name={useRecovery ? 'recoveryCode' : 'code'}
                autoComplete={useRecovery ? 'off' : 'one-time-code'}
                inputMode={useRecovery ? 'text' : 'numeric'}
                autoCapitalize={useRecovery ? 'characters' : 'off'}
                spellCheck={false}
                value={value}
                onChange={(event) => setValue(event.target.value)}
              />
            </FormField>
            <Button
              variant="ghost"
              className="justify-start"
              onClick={() => {
                setUseRecovery(!useRecovery);
                setValue('');
                setFieldError(undefined);
              }}
            >
              {useRecovery ? t('useCode') : t('useRecovery')}
            </Button>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary">{t('cancel')}</Button>
              </DialogClose>
              <Button type="submit" disabled={busy}>
                {busy ? t('verifying') : action ? t('verifyAndContinue') : t('verify')}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
