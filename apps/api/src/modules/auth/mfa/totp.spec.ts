import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { checkTotp, newTotpSecret, TOTP_PERIOD_SECONDS, totpUri } from './totp.js';

const now = () => Math.floor(Date.now() / 1000);
const codeAt = (secret: string, epoch: number) => generate({ secret, epoch });
const stepAt = (epoch: number) => Math.floor(epoch / TOTP_PERIOD_SECONDS);

describe('TOTP', () => {
  it('builds the otpauth URI authenticator apps import', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, 'ann@example.com');
    expect(uri).toMatch(/^otpauth:\/\/totp\/OnTrack:ann%40example\.com\?/);
    const params = new URL(uri).searchParams;
    expect(params.get('secret')).toBe(secret);
    expect(params.get('issuer')).toBe('OnTrack');
  });

  it('accepts the current step and one either side, but not two away', async () => {
    const secret = newTotpSecret();
    const t = now();
    for (const offset of [-1, 0, 1]) {
      const check = await checkTotp(secret, await codeAt(secret, t + offset * TOTP_PERIOD_SECONDS), null, t);
      expect(check).toEqual({ valid: true, timeStep: stepAt(t + offset * TOTP_PERIOD_SECONDS) });
    }
    for (const offset of [-2, 2]) {
      expect(await checkTotp(secret, await codeAt(secret, t + offset * TOTP_PERIOD_SECONDS), null, t)).toEqual({
        valid: false,
        reused: false,
      });
    }
  });

  it('refuses a code whose step is not after the last used one (replay)', async () => {
    const secret = newTotpSecret();
    const t = now();
    const code = await codeAt(secret, t);
    expect(await checkTotp(secret, code, stepAt(t), t)).toEqual({ valid: false, reused: true });
    expect(await checkTotp(secret, code, stepAt(t) - 2, t)).toEqual({ valid: true, timeStep: stepAt(t) });
    expect(await checkTotp(secret, await codeAt(secret, t - TOTP_PERIOD_SECONDS), stepAt(t), t)).toEqual({
      valid: false,
      reused: true,
    });
  });
});
