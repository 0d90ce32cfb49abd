import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../../platform/config/config.schema.js';
import { hashToken, newOpaqueToken, sameSecret, TokenSealer } from './auth-secrets.js';

const sealerWith = (secret?: string) => new TokenSealer({ AUTH_JWT_SECRET: secret } as AppConfig);

describe('auth secrets', () => {
  it('makes 256-bit URL-safe tokens and stores only their SHA-256', () => {
    const token = newOpaqueToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toBe(hashToken(newOpaqueToken()));
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
  });

  it('seals a token for one row: it opens there, not for another row, key or after tampering', () => {
    const sealer = sealerWith('a'.repeat(40));
    const token = newOpaqueToken();
    const sealed = sealer.seal(token, 'row-1');
    expect(sealed).not.toContain(token);
    expect(sealed).not.toBe(sealer.seal(token, 'row-1'));
    expect(sealer.open(sealed, 'row-1')).toBe(token);
    expect(() => sealer.open(sealed, 'row-2')).toThrow();
    expect(() => sealerWith('b'.repeat(40)).open(sealed, 'row-1')).toThrow();
    const [format, iv, ciphertext, tag] = sealed.split('.');
    const flipped = Buffer.from(ciphertext ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => sealer.open([format, iv, flipped.toString('base64url'), tag].join('.'), 'row-1')).toThrow();
    expect(() => sealer.open('not-sealed', 'row-1')).toThrow();
  });
});
