import type { MfaStatus, SecondFactor } from '@ontrack/schemas/auth-mfa';
import type { ProblemView } from '../auth/problem';

/** The API's answer to an email or MFA change when the last sign-in (or re-authentication) is too old. */
export const REAUTHENTICATION_REQUIRED = 'reauthentication_required';

export function needsReauthentication(problem: ProblemView): boolean {
  return problem.status === 403 && problem.code === REAUTHENTICATION_REQUIRED;
}

/**
 * What a person typed, as the API's second factor. Authenticator apps show codes as "123 456": the spaces go.
 * Undefined when nothing was typed.
 */
export function secondFactorOf(value: string, useRecovery: boolean): SecondFactor | undefined {
  const entered = useRecovery ? value.trim() : value.replace(/\s+/g, '');
  if (!entered) return undefined;
  return useRecovery ? { recoveryCode: entered } : { code: entered };
}

/** A refusal of a typed code that belongs next to the field: a wrong, used or malformed code. */
export function codeFieldError(problem: ProblemView): string | undefined {
  const field = problem.fieldErrors.code ?? problem.fieldErrors.recoveryCode;
  if (field) return field;
  if (problem.code === 'invalid_code' || problem.code === 'code_already_used') return problem.detail;
  return undefined;
}

/** Few enough recovery codes left that it is time to make new ones. */
export const LOW_RECOVERY_CODES = 3;

export function recoveryCodesRunningLow(status: Pick<MfaStatus, 'totp' | 'recoveryCodesLeft'>): boolean {
  return status.totp.enrolled && status.recoveryCodesLeft <= LOW_RECOVERY_CODES;
}

/** The .txt a person downloads to keep their codes: what they are for, when they were made, one per line. */
export function recoveryCodesText(codes: readonly string[], heading: string, note: string): string {
  return `${[heading, '', note, '', ...codes].join('\n')}\n`;
}

export const RECOVERY_CODES_FILE_NAME = 'ontrack-recovery-codes.txt';
