import { describe, expect, it } from 'vitest';
import type { ProblemView } from '../auth/problem';
import {
  codeFieldError,
  needsReauthentication,
  recoveryCodesRunningLow,
  recoveryCodesText,
  secondFactorOf,
} from './second-factor';

function problem(overrides: Partial<ProblemView>): ProblemView {
  return { status: 400, title: 'Bad Request', detail: 'Refused.', code: undefined, fieldErrors: {}, ...overrides };
}

describe('needsReauthentication', () => {
  it('is the 403 with the re-authentication code', () => {
    expect(needsReauthentication(problem({ status: 403, code: 'reauthentication_required' }))).toBe(true);
  });

  it('is not another refusal, even a 403', () => {
    expect(needsReauthentication(problem({ status: 403, code: 'mfa_required' }))).toBe(false);
    expect(needsReauthentication(problem({ status: 401, code: 'reauthentication_required' }))).toBe(false);
  });
});

describe('secondFactorOf', () => {
  it('removes the spaces apps show inside a code', () => {
    expect(secondFactorOf(' 123 456 ', false)).toEqual({ code: '123456' });
  });

  it('sends a recovery code as typed, trimmed', () => {
    expect(secondFactorOf(' abcd-efgh-jkLM-npqr ', true)).toEqual({ recoveryCode: 'abcd-efgh-jkLM-npqr' });
  });

  it('is nothing when nothing was typed', () => {
    expect(secondFactorOf('   ', false)).toBeUndefined();
    expect(secondFactorOf('', true)).toBeUndefined();
  });
});

describe('codeFieldError', () => {
  it('takes the field error of a malformed code', () => {
    expect(codeFieldError(problem({ fieldErrors: { code: 'must be the 6-digit code' } }))).toBe(
      'must be the 6-digit code',
    );
    expect(codeFieldError(problem({ fieldErrors: { recoveryCode: 'must be one of your codes' } }))).toBe(
      'must be one of your codes',
    );
  });

  it('puts a wrong or used code next to the field', () => {
    expect(codeFieldError(problem({ status: 401, code: 'invalid_code', detail: 'That code is not right.' }))).toBe(
      'That code is not right.',
    );
    expect(codeFieldError(problem({ status: 401, code: 'code_already_used', detail: 'Used.' }))).toBe('Used.');
  });

  it('leaves the rest to the form (too many attempts, an ended session)', () => {
    expect(codeFieldError(problem({ status: 429, detail: 'Too many attempts.' }))).toBeUndefined();
    expect(codeFieldError(problem({ status: 401, detail: 'This session has ended.' }))).toBeUndefined();
  });
});

describe('recoveryCodesRunningLow', () => {
  const enrolled = { enrolled: true, confirmedAt: '2026-11-24T08:00:00Z' };

  it('warns at three codes left or fewer', () => {
    expect(recoveryCodesRunningLow({ totp: enrolled, recoveryCodesLeft: 4 })).toBe(false);
    expect(recoveryCodesRunningLow({ totp: enrolled, recoveryCodesLeft: 3 })).toBe(true);
    expect(recoveryCodesRunningLow({ totp: enrolled, recoveryCodesLeft: 0 })).toBe(true);
  });

  it('says nothing without an authenticator (there are no codes to run out of)', () => {
    expect(recoveryCodesRunningLow({ totp: { enrolled: false, confirmedAt: null }, recoveryCodesLeft: 0 })).toBe(false);
  });
});

describe('recoveryCodesText', () => {
  it('puts the heading, the note and one code a line', () => {
    expect(recoveryCodesText(['AAAA-BBBB-CCCC-DDDD', 'EEEE-FFFF-GGGG-HHHH'], 'OnTrack', 'Each works once.')).toBe(
      'OnTrack\n\nEach works once.\n\nAAAA-BBBB-CCCC-DDDD\nEEEE-FFFF-GGGG-HHHH\n',
    );
  });
});
