import { oidcProviderIdSchema } from '@ontrack/schemas/auth-oidc';
import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An issuer URL: https, or http on a loopback address (a local test issuer; refused in production). */
const issuerUrl = z
  .url({ protocol: /^https?$/, error: 'must be an https:// URL' })
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname);
  }, 'must be an https:// URL (http only on 127.0.0.1 or localhost, for a local test issuer)')
  .refine((value) => !new URL(value).search && !new URL(value).hash, 'must not have a query or fragment');

const configuredProviderSchema = z.strictObject({
  id: oidcProviderIdSchema.refine(
    (id) => id !== 'google' && id !== 'microsoft',
    'google and microsoft are configured with their own variables',
  ),
  name: z.string().trim().min(1).max(60),
  issuer: issuerUrl,
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** Extra scopes besides `openid email profile`, space-separated. */
  scopes: z
    .string()
    .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'must be scope names separated by spaces')
    .optional(),
});

export type ConfiguredOidcProvider = z.output<typeof configuredProviderSchema>;

const providerListSchema = z
  .array(configuredProviderSchema)
  .max(20)
  .refine((list) => new Set(list.map((provider) => provider.id)).size === list.length, 'ids must be unique');

/**
 * `OIDC_PROVIDERS`: a JSON array of issuers. Problems are reported on the variable itself, each naming the
 * entry and field (`[0].issuer: must be …`), because loadConfig words a message by the variable's name.
 */
const oidcProvidersJson = z.string().transform((text, ctx): ConfiguredOidcProvider[] => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message:
        'must be a JSON array like [{"id":"acme","name":"Acme SSO","issuer":"https://…","clientId":"…","clientSecret":"…"}]',
    });
    return z.NEVER;
  }
  const result = providerListSchema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
    ctx.addIssue({ code: 'custom', message: where ? `${where.replace(/^\./, '')}: ${issue.message}` : issue.message });
  }
  return z.NEVER;
});

/**
 * Sign-in with Google, Microsoft and any OpenID Connect issuer, merged into configSchema (config.schema.ts).
 * A provider is offered when its client id and secret are set. Documented in README, .env.example and
 * docs/authentication.md.
 */
export const oidcConfigSchema = z.object({
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  MICROSOFT_CLIENT_ID: z.string().min(1).optional(),
  MICROSOFT_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * Which Microsoft accounts may sign in: `common` (work, school and personal), `organizations`, `consumers`,
   * or one directory's id/domain.
   */
  MICROSOFT_TENANT: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, 'must be common, organizations, consumers, a tenant id or a domain')
    .default('common'),
  OIDC_PROVIDERS: oidcProvidersJson.optional(),
});

type OidcSettings = z.output<typeof oidcConfigSchema> & { NODE_ENV?: string };

/** Pairs that must be set together, and no plain-http issuer in production (for configSchema.superRefine). */
export function checkOidcConfig(config: OidcSettings, ctx: z.RefinementCtx): void {
  for (const [id, secret] of [
    ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'],
    ['MICROSOFT_CLIENT_ID', 'MICROSOFT_CLIENT_SECRET'],
  ] as const) {
    if (Boolean(config[id]) !== Boolean(config[secret])) {
      const missing = config[id] ? secret : id;
      ctx.addIssue({ code: 'custom', path: [missing], message: `is required with ${config[id] ? id : secret}` });
    }
  }
  if (config.NODE_ENV === 'production') {
    for (const provider of config.OIDC_PROVIDERS ?? []) {
      if (new URL(provider.issuer).protocol !== 'https:') {
        ctx.addIssue({
          code: 'custom',
          path: ['OIDC_PROVIDERS'],
          message: `provider ${provider.id}: the issuer must be https:// in production`,
        });
      }
    }
  }
}
