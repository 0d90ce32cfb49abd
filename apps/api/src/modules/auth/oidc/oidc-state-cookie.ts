import { hkdfSync } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';
import { serializeCookie } from '../auth-cookies.js';

/**
 * The sign-in attempt's secrets between the redirect to the provider and its redirect back: the PKCE verifier,
 * state and nonce, where to go afterwards and for which portal. Kept in the browser that started the attempt
 * (so a callback URL replayed in another browser fails the state check) as an encrypted JWT (JWE, `dir` +
 * A256GCM with `jose`): nobody can read or alter it without the server's key, and it expires on its own.
 *
 * `__Host-` (Secure, Path=/, no Domain) and HttpOnly like the session cookies, but SameSite=Lax: the
 * provider's redirect back is a top-level cross-site GET, which a Strict cookie would not accompany.
 */
export const OIDC_STATE_COOKIE = '__Host-ontrack_oidc';
export const OIDC_STATE_TTL_SECONDS = 10 * 60;

const flowStateSchema = z.object({
  provider: z.string(),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  returnTo: z.string(),
  portalTenantSlug: z.string().optional(),
});
export type OidcFlowState = z.infer<typeof flowStateSchema>;

const KEY_INFO = 'ontrack oidc-state-cookie v1';

/** Seals and opens flow states with a key derived (HKDF-SHA256) from the server secret, never the secret itself. */
export class OidcStateSealer {
  private readonly key: Uint8Array;

  constructor(serverSecret: string) {
    this.key = new Uint8Array(hkdfSync('sha256', serverSecret, new Uint8Array(0), KEY_INFO, 32));
  }

  async seal(flow: OidcFlowState): Promise<string> {
    return new EncryptJWT({ ...flow })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime(`${OIDC_STATE_TTL_SECONDS}s`)
      .encrypt(this.key);
  }

  /** The flow state, or undefined when the value is not one of ours, was altered or has expired. */
  async open(sealed: string | undefined): Promise<OidcFlowState | undefined> {
    if (!sealed) return undefined;
    try {
      const { payload } = await jwtDecrypt(sealed, this.key, {
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
        requiredClaims: ['exp', 'iat'],
        maxTokenAge: OIDC_STATE_TTL_SECONDS,
      });
      const parsed = flowStateSchema.safeParse(payload);
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}

export function stateCookieHeader(sealed: string): string {
  return serializeCookie(OIDC_STATE_COOKIE, sealed, {
    maxAge: OIDC_STATE_TTL_SECONDS,
    httpOnly: true,
    sameSite: 'Lax',
  });
}

/** Expires the cookie: an attempt's state is good for one callback only. */
export function clearStateCookieHeader(): string {
  return serializeCookie(OIDC_STATE_COOKIE, '', { maxAge: 0, httpOnly: true, sameSite: 'Lax' });
}
