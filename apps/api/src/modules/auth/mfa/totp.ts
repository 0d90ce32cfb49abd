import { generateSecret, generateURI, verify } from 'otplib';

export const TOTP_ISSUER = 'OnTrack';
/** RFC 6238 defaults every authenticator app supports: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  // 20 bytes = 160 bits, the key length RFC 4226 recommends for HMAC-SHA-1.
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret, period: TOTP_PERIOD_SECONDS });
}

export type TotpCheck = { valid: true; timeStep: number } | { valid: false; reused: boolean };

/**
 * Checks a code against the current time step and one step either side (clock drift, the time it takes to
 * type). A code whose step is not after `lastUsedStep` is refused as reused: each code works once, and
 * after a code of step N was used, so is every older one.
 */
export async function checkTotp(
  secret: string,
  code: string,
  lastUsedStep: number | null,
  epoch = Math.floor(Date.now() / 1000),
): Promise<TotpCheck> {
  const result = await verify({
    secret,
    token: code,
    epoch,
    period: TOTP_PERIOD_SECONDS,
    epochTolerance: TOTP_PERIOD_SECONDS,
  });
  // The result type also covers HOTP, which has no time step; a TOTP match always carries one.
  if (!result.valid || !('timeStep' in result)) return { valid: false, reused: false };
  if (lastUsedStep !== null && result.timeStep <= lastUsedStep) return { valid: false, reused: true };
  return { valid: true, timeStep: result.timeStep };
}
