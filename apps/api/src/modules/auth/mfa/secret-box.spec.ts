import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../platform/config/config.schema.js';
import { SecretBox, UndecryptableSecretError } from './secret-box.js';

const key = () => randomBytes(32).toString('base64');
const box = (current?: string, previous?: string) =>
  new SecretBox({ AUTH_ENCRYPTION_KEY: current, AUTH_ENCRYPTION_KEY_PREVIOUS: previous } as AppConfig);

describe('SecretBox (AES-256-GCM, v1:<iv>:<tag>:<ciphertext>)', () => {
  it('opens what it sealed, never with the same IV twice, and never shows the plaintext', () => {
    const sealer = box(key());
    const first = sealer.seal('JBSWY3DPEHPK3PXP');
    const second = sealer.seal('JBSWY3DPEHPK3PXP');
    expect(first).toMatch(/^v1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealer.open(first)).toEqual({ value: 'JBSWY3DPEHPK3PXP', stale: false });
  });

  it('refuses a tampered value and a value sealed with another key', () => {
    const k = key();
    const sealed = box(k).seal('secret');
    const [format, iv, tag, ciphertext] = sealed.split(':') as [string, string, string, string];
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => box(k).open([format, iv, tag, flipped.toString('base64url')].join(':'))).toThrow(
      UndecryptableSecretError,
    );
    expect(() => box(key()).open(sealed)).toThrow(UndecryptableSecretError);
    expect(() => box(k).open(`v2:${iv}:${tag}:${ciphertext}`)).toThrow(/unknown secret format/);
  });

  it('rotates: the previous key still opens old values, flagged stale so they get resealed', () => {
    const [oldKey, newKey] = [key(), key()];
    const old = box(oldKey).seal('secret');
    const rotated = box(newKey, oldKey);
    expect(rotated.open(old)).toEqual({ value: 'secret', stale: true });
    expect(rotated.open(rotated.seal('secret'))).toEqual({ value: 'secret', stale: false });
  });

  it('uses a fixed development key when none is configured, so dev data survives restarts', () => {
    expect(box().open(box().seal('secret')).value).toBe('secret');
  });
});
