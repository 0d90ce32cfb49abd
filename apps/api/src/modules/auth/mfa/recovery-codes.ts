import { createHash, randomInt } from 'node:crypto';

/** 32 symbols without 0/O and 1/I, which people misread when typing a code from paper. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;
export const RECOVERY_CODE_COUNT = 10;

/**
 * A fresh set of recovery codes, `ABCD-EFGH-JKLM-NPQR`: 16 symbols of 5 bits = 80 random bits each.
 *
 * They are stored as SHA-256, not with a slow password hash: a slow hash protects low-entropy secrets that
 * people choose, against guessing from a stolen table. These codes are 80-bit random values, so guessing one
 * from its hash takes ~2^80 SHA-256 operations, out of reach either way, and a fast hash lets a code be found
 * with one indexed lookup instead of a slow comparison against each of the user's ten hashes.
 */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    ).join('-'),
  );
}

/** Case, spaces and dashes do not matter. */
export function normalizeRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function hashRecoveryCode(input: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(input)).digest('hex');
}
