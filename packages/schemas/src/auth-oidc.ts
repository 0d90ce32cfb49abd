import { z } from 'zod';

/** A provider's id in URLs and in `user_identities.provider`: `google`, `microsoft`, or a configured one. */
export const oidcProviderIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/, 'must be 1-32 lower-case letters, digits or dashes');

export const oidcProviderSchema = z.object({
  id: oidcProviderIdSchema.describe('Pass as `:provider` to start a sign-in.'),
  name: z.string().describe('What the sign-in button says, e.g. "Google".'),
});

export const oidcProviderListSchema = z.object({
  providers: z
    .array(oidcProviderSchema)
    .describe('The configured providers, in the order the sign-in page shows them.'),
});

export const oidcProviderParamsSchema = z.object({ provider: oidcProviderIdSchema });

const MAX_RETURN_TO = 2_000;

/**
 * Where to go after signing in, as a path of the web app, or undefined when `value` is not one. Only a
 * same-origin relative path is kept (`/jobs?id=1`): absolute and scheme-relative URLs (`//evil.test`,
 * `/\evil.test`, which browsers read as `//`), control characters and anything the URL parser moves to
 * another origin are refused, so the sign-in can never redirect off-site.
 */
export function safeReturnTo(value: string | undefined): string | undefined {
  if (!value || value.length > MAX_RETURN_TO) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return undefined;
  const base = 'https://ontrack.invalid';
  let parsed: URL;
  try {
    parsed = new URL(value, base);
  } catch {
    return undefined;
  }
  if (parsed.origin !== base) return undefined;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

export const oidcStartQuerySchema = z.strictObject(
  {
    returnTo: z
      .string()
      .max(MAX_RETURN_TO)
      .optional()
      .describe(
        'A path of the web app to land on after signing in (e.g. `/jobs`). Anything that is not a same-site ' +
          'relative path is ignored and `/` is used instead.',
      ),
    tenant: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'must be a tenant slug')
      .optional()
      .describe('Client portal: the slug of the business whose portal is signing in; the session is scoped to it.'),
  },
  {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown parameter: ${issue.keys.join(', ')}` : undefined),
  },
);

/**
 * What the provider sends back (RFC 6749 §4.1.2, RFC 9207 `iss`). Documented for the reference only: the
 * callback hands the whole query to openid-client, which checks it.
 */
export const oidcCallbackQuerySchema = z.looseObject({
  code: z.string().optional(),
  state: z.string().optional(),
  iss: z.string().optional(),
  error: z.string().optional().describe('e.g. `access_denied` when the user cancelled at the provider.'),
  error_description: z.string().optional(),
});

// Why a provider sign-in was refused (OIDC_SIGN_IN_ERRORS) lives in auth-oidc-errors.ts: plain constants
// without zod, so the web sign-in page can import them without bundling zod.

export type OidcProvider = z.infer<typeof oidcProviderSchema>;
export type OidcProviderList = z.infer<typeof oidcProviderListSchema>;
export type OidcStartQuery = z.infer<typeof oidcStartQuerySchema>;
