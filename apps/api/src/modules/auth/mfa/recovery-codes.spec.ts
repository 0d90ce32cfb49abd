import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes.js';

describe('recovery codes', () => {
  it('are ten distinct 16-symbol codes without look-alike characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
  });

  it('hash the same whatever the case, spaces or dashes, and differently from each other', () => {
    const [code, other] = newRecoveryCodes(2) as [string, string];
    const typed = ` ${code.toLowerCase().replaceAll('-', ' ')} `;
    expect(hashRecoveryCode(typed)).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).toBe(createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex'));
    expect(hashRecoveryCode(other)).not.toBe(hashRecoveryCode(code));
  });
});
