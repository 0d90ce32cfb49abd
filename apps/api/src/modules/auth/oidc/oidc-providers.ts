import { Inject, Injectable, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { OidcProvider } from '@ontrack/schemas/auth-oidc';
import * as oidc from 'openid-client';
import type { AppConfig } from '../../../platform/config/config.schema.js';
import { APP_CONFIG } from '../../../platform/config/load-config.js';
import { problem } from '../../../platform/http/problem-details.js';

/** How a provider says that the email address it reports belongs to the user. */
export type EmailVerification = 'email_verified' | 'microsoft';

export interface OidcProviderSettings {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  emailVerification: EmailVerification;
}

const BASE_SCOPE = 'openid email profile';
/** After a failed discovery, callers get 503 at once for this long instead of waiting on a dead issuer again. */
const RETRY_DISCOVERY_AFTER_MS = 30_000;
const DISCOVERY_TIMEOUT_SECONDS = 10;

/** The providers the configuration enables, in the order the sign-in page lists them. */
export function configuredProviders(config: AppConfig): OidcProviderSettings[] {
  const providers: OidcProviderSettings[] = [];
  if (config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET) {
    providers.push({
      id: 'google',
      name: 'Google',
      issuer: 'https://accounts.google.com',
      clientId: config.GOOGLE_CLIENT_ID,
      clientSecret: config.GOOGLE_CLIENT_SECRET,
      scope: BASE_SCOPE,
      emailVerification: 'email_verified',
    });
  }
  if (config.MICROSOFT_CLIENT_ID && config.MICROSOFT_CLIENT_SECRET) {
    providers.push({
      id: 'microsoft',
      name: 'Microsoft',
      // For `common`/`organizations`/`consumers` Entra ID publishes the templated issuer
      // `https://login.microsoftonline.com/{tenantid}/v2.0`. openid-client recognises this issuer (when given
      // the issuer URL, not the .well-known URL) and checks each ID token's `iss` against the template filled
      // with the token's own `tid`.
      issuer: `https://login.microsoftonline.com/${config.MICROSOFT_TENANT}/v2.0`,
      clientId: config.MICROSOFT_CLIENT_ID,
      clientSecret: config.MICROSOFT_CLIENT_SECRET,
      scope: BASE_SCOPE,
      emailVerification: 'microsoft',
    });
  }
  for (const provider of config.OIDC_PROVIDERS ?? []) {
    providers.push({
      id: provider.id,
      name: provider.name,
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      scope: provider.scopes ? `${BASE_SCOPE} ${provider.scopes}` : BASE_SCOPE,
      emailVerification: 'email_verified',
    });
  }
  return providers;
}

type Discovery = { ok: true; configuration: oidc.Configuration } | { ok: false; failedAt: number };

/**
 * The configured providers and their discovered metadata. Discovery happens on first use (start-up never
 * waits for, or fails on, an unreachable issuer) and is cached for the life of the process; a provider whose
 * discovery fails answers 503 and is tried again after a pause, while the others keep working.
 */
@Injectable()
export class OidcProviders {
  private readonly logger = new Logger(OidcProviders.name);
  private readonly byId: ReadonlyMap<string, OidcProviderSettings>;
  private readonly discoveries = new Map<string, Promise<Discovery>>();
  private readonly allowHttp: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.byId = new Map(configuredProviders(config).map((provider) => [provider.id, provider]));
    this.allowHttp = config.NODE_ENV !== 'production';
  }

  list(): OidcProvider[] {
    return [...this.byId.values()].map(({ id, name }) => ({ id, name }));
  }

  /** The provider's settings; 404 problem for an id that is not configured. */
  settings(id: string): OidcProviderSettings {
    const provider = this.byId.get(id);
    if (!provider) throw new NotFoundException(problem(404, { detail: `No sign-in provider "${id}" is configured.` }));
    return provider;
  }

  /** The provider's client configuration (discovered once); 503 problem while its issuer cannot be discovered. */
  async configuration(id: string): Promise<{ settings: OidcProviderSettings; configuration: oidc.Configuration }> {
    const settings = this.settings(id);
    let pending = this.discoveries.get(id);
    if (!pending) {
      pending = this.discover(settings);
      this.discoveries.set(id, pending);
    }
    const discovery = await pending;
    if (discovery.ok) return { settings, configuration: discovery.configuration };
    if (Date.now() - discovery.failedAt >= RETRY_DISCOVERY_AFTER_MS && this.discoveries.get(id) === pending) {
      this.discoveries.delete(id);
      return this.configuration(id);
    }
    throw new ServiceUnavailableException(
      problem(503, { detail: `Sign-in with ${settings.name} is unavailable right now; try again in a minute.` }),
    );
  }

  private async discover(settings: OidcProviderSettings): Promise<Discovery> {
    const issuer = new URL(settings.issuer);
    // Plain http only for a loopback test issuer outside production (the configuration refuses anything else).
    const insecure = issuer.protocol === 'http:' && this.allowHttp;
    try {
      const configuration = await oidc.discovery(
        issuer,
        settings.clientId,
        { client_secret: settings.clientSecret },
        oidc.ClientSecretPost(settings.clientSecret),
        { execute: insecure ? [oidc.allowInsecureRequests] : [], timeout: DISCOVERY_TIMEOUT_SECONDS },
      );
      return { ok: true, configuration };
    } catch (error) {
      this.logger.warn({ err: error, provider: settings.id, issuer: settings.issuer }, 'OIDC discovery failed');
      return { ok: false, failedAt: Date.now() };
    }
  }
}
