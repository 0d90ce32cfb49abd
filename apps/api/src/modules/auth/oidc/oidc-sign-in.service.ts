import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import type { DatabaseHandle } from '@ontrack/db/client';
import { applySessionContext } from '@ontrack/db/session-context';
import { type OidcStartQuery, safeReturnTo } from '@ontrack/schemas/auth-oidc';
import type { OidcSignInError } from '@ontrack/schemas/auth-oidc-errors';
import * as oidc from 'openid-client';
import type { AppConfig } from '../../../platform/config/config.schema.js';
import { DEV_AUTH_JWT_SECRET } from '../../../platform/config/config.schema.js';
import { APP_CONFIG } from '../../../platform/config/load-config.js';
import { DATABASE } from '../../../platform/db/database.module.js';
import { RateLimiter } from '../../../platform/rate-limit/rate-limiter.js';
import { sameSecret } from '../auth-secrets.js';
import { type ClientInfo, type IssuedSession, SessionService } from '../session.service.js';
import { OidcIdentitiesRepository } from './oidc-identities.repository.js';
import { type EmailVerification, OidcProviders } from './oidc-providers.js';
import { clearStateCookieHeader, type OidcFlowState, OidcStateSealer, stateCookieHeader } from './oidc-state-cookie.js';

export interface OidcStartResult {
  /** The provider's authorization URL (302 Location). */
  location: string;
  /** Set-Cookie of the attempt's sealed state. */
  stateCookie: string;
}

export type OidcCallbackResult =
  | { outcome: 'signed-in'; location: string; issued: IssuedSession; clearStateCookie: string }
  | { outcome: 'refused'; location: string; error: OidcSignInError; clearStateCookie: string };

/**
 * Sign-in with an OpenID Connect provider (authorization code flow with PKCE S256, state and nonce, all
 * checked by openid-client). The provider's account is matched by `(provider, sub)`; the first time, it is
 * linked to the OnTrack user with the same email address, if and only if the provider vouches for that
 * address. Nobody is signed up here: accounts come from invitations and the seed.
 */
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger(OidcSignInService.name);
  private readonly sealer: OidcStateSealer;

  constructor(
    private readonly providers: OidcProviders,
    private readonly identities: OidcIdentitiesRepository,
    private readonly sessions: SessionService,
    private readonly rateLimiter: RateLimiter,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sealer = new OidcStateSealer(config.AUTH_JWT_SECRET ?? DEV_AUTH_JWT_SECRET);
  }

  /** The URL the provider sends the browser back to; registered with the provider as the redirect URI. */
  redirectUri(providerId: string): string {
    return `${this.config.APP_URL}/api/v1/auth/oidc/${providerId}/callback`;
  }

  async start(providerId: string, query: OidcStartQuery): Promise<OidcStartResult> {
    const { settings, configuration } = await this.providers.configuration(providerId);
    const flow: OidcFlowState = {
      provider: settings.id,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo: safeReturnTo(query.returnTo) ?? '/',
      portalTenantSlug: query.tenant,
    };
    const location = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(settings.id),
      scope: settings.scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { location: location.href, stateCookie: stateCookieHeader(await this.sealer.seal(flow)) };
  }

  /**
   * The provider's redirect back. `query` is the raw query string (openid-client checks every parameter);
   * `sealedState` the attempt's cookie. Always ends in a redirect to the web app: signed in, or to the
   * sign-in page with an error code.
   */
  async callback(
    providerId: string,
    query: string,
    sealedState: string | undefined,
    client: ClientInfo,
  ): Promise<OidcCallbackResult> {
    const settings = this.providers.settings(providerId);
    await this.rateLimiter.consume('sign-in:ip', client.ip ?? 'unknown');
    const flow = await this.sealer.open(sealedState);
    const params = new URLSearchParams(query);
    const refuse = (error: OidcSignInError): OidcCallbackResult => ({
      outcome: 'refused',
      error,
      location: this.signInPage(error, flow?.returnTo),
      clearStateCookie: clearStateCookieHeader(),
    });

    // The attempt must be this browser's, for this provider: a missing, expired or foreign cookie, or a
    // callback for another attempt (login CSRF), stops here before anything is sent to the provider.
    const state = params.get('state');
    if (!flow || flow.provider !== settings.id || !state || !sameSecret(state, flow.state)) {
      return refuse('oidc_invalid_state');
    }
    const providerError = params.get('error');
    if (providerError) {
      this.logger.log({ provider: settings.id, error: providerError }, 'the provider refused the sign-in');
      return refuse(providerError === 'access_denied' ? 'oidc_denied' : 'oidc_failed');
    }

    let configuration: oidc.Configuration;
    try {
      ({ configuration } = await this.providers.configuration(providerId));
    } catch (error) {
      if (error instanceof ServiceUnavailableException) return refuse('oidc_unavailable');
      throw error;
    }

    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(
        configuration,
        new URL(`${this.redirectUri(settings.id)}?${params.toString()}`),
        {
          pkceCodeVerifier: flow.codeVerifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        },
      );
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      claims = { ...idToken };
      // Providers that follow OIDC Core §5.4 to the letter put profile claims in UserInfo only.
      if (claims.email === undefined && settings.emailVerification === 'email_verified' && tokens.access_token) {
        const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
        claims = { ...userInfo, ...idToken };
      }
    } catch (error) {
      this.logger.warn({ err: error, provider: settings.id }, 'OIDC code exchange or ID token check failed');
      return refuse('oidc_failed');
    }

    const signedIn = await this.signIn(settings.id, settings.emailVerification, claims, flow, client);
    if ('refused' in signedIn) return refuse(signedIn.refused);
    const { issued } = signedIn;
    const location = issued.mfaPending
      ? `${this.config.APP_URL}/sign-in/mfa?returnTo=${encodeURIComponent(flow.returnTo)}`
      : `${this.config.APP_URL}${flow.returnTo}`;
    return { outcome: 'signed-in', location, issued, clearStateCookie: clearStateCookieHeader() };
  }

  /**
   * Finds (or links) the OnTrack user of the provider's account and starts the session, in one transaction
   * of the `auth` system context: a link is only kept with the sign-in that made it.
   */
  private async signIn(
    provider: string,
    verification: EmailVerification,
    claims: Record<string, unknown>,
    flow: OidcFlowState,
    client: ClientInfo,
  ): Promise<{ issued: IssuedSession } | { refused: OidcSignInError }> {
    const subject = String(claims.sub);
    const email = typeof claims.email === 'string' ? claims.email.trim() : undefined;
    return this.database.db.transaction(async (tx) => {
      await applySessionContext(tx, { system: 'auth' });
      let userId = await this.identities.findUserIdBySubject(tx, provider, subject);
      if (userId) {
        // Known by its subject: the address may have changed at the provider, which does not matter here.
        await this.identities.touch(tx, provider, subject, email);
      } else {
        if (!email || !emailIsVerified(verification, claims)) return { refused: 'oidc_email_unverified' as const };
        userId = await this.identities.findUserIdByEmail(tx, email);
        if (!userId) return { refused: 'oidc_no_account' as const };
        // Another account of the same provider with this address (e.g. a recycled Workspace address) must not
        // take over the user silently: the user keeps signing in with the account linked first.
        if (await this.identities.hasIdentityAt(tx, userId, provider)) {
          return { refused: 'oidc_identity_conflict' as const };
        }
        if (!(await this.identities.link(tx, { userId, provider, subject, email }))) {
          // A concurrent callback of the same account linked it first (to the same user: same address).
          userId = await this.identities.findUserIdBySubject(tx, provider, subject);
          if (!userId) return { refused: 'oidc_failed' as const };
        }
      }
      let portalTenantId: string | undefined;
      if (flow.portalTenantSlug) {
        portalTenantId = await this.identities.findPortalTenantId(tx, flow.portalTenantSlug, userId);
        if (!portalTenantId) return { refused: 'oidc_no_membership' as const };
      }
      const issued = await this.sessions.startIn(tx, { userId, method: `oidc:${provider}`, portalTenantId }, client);
      return { issued };
    });
  }

  private signInPage(error: OidcSignInError, returnTo: string | undefined): string {
    const query = new URLSearchParams({ error });
    if (returnTo && returnTo !== '/') query.set('returnTo', returnTo);
    return `${this.config.APP_URL}/sign-in?${query.toString()}`;
  }
}

/**
 * Whether the provider vouches that the address is the user's. Only then may it link to an OnTrack account:
 * an unverified address would let anyone who types a victim's email at some provider sign in as them.
 * - OIDC (Google and configured issuers): `email_verified` must be the boolean true.
 * - Microsoft Entra ID sends no `email_verified`; its `email` claim is mutable and unverified by default.
 *   Accepted only with the optional claim `xms_edov` ("email domain owner verified") true, which the app
 *   registration must request (docs/authentication.md).
 */
export function emailIsVerified(verification: EmailVerification, claims: Record<string, unknown>): boolean {
  if (verification === 'microsoft') {
    const edov = claims.xms_edov;
    return edov === true || edov === 1 || edov === '1' || edov === 'true';
  }
  return claims.email_verified === true;
}
