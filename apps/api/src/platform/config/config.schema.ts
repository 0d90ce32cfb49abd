import { loadSigningKey } from '@ontrack/db/activity-checkpoints';
import { z } from 'zod';
import { emailConfigSchema } from '../../integrations/email/email.config.js';
import { geocodingConfigSchema } from '../../integrations/geocoding/geocoding.config.js';
import { checkSmsConfig, smsConfigSchema } from '../../integrations/sms/sms.config.js';
import { checkOidcConfig, oidcConfigSchema } from '../../modules/auth/oidc/oidc.config.js';
import { rateLimitConfigSchema } from '../rate-limit/rate-limit.policies.js';

const booleanFromEnv = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const postgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' });

const base64Key32 = z
  .string()
  .trim()
  .refine(
    (value) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32,
    'must be 32 random bytes in base64 (openssl rand -base64 32)',
  );

/**
 * Every setting of the API and worker processes. Parsed once at start-up: a missing or wrong variable
 * stops the process with a message naming it (see loadConfig). Documented in README and .env.example.
 */
const settingsSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** The API connects as the application role (no superuser, no BYPASSRLS), never as the owner. */
  APP_DATABASE_URL: postgresUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * The longest one statement of the API or worker may run before PostgreSQL cancels it (the request answers
   * 503 and nothing it did is kept). Far above any statement the API issues (a 10,000-contact export: ~0.1 s);
   * 0 turns it off.
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /**
   * How long the tenant guard may reuse what it read about a session and a membership (platform/tenancy/
   * access-cache.ts). Changes are announced by NOTIFY and forgotten at once; this bounds an entry's life if a
   * notification is ever lost. 0 turns the cache off (every request reads both).
   */
  ACCESS_CACHE_TTL_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  /** Sessions and memberships kept at most; past it the cache starts over. */
  ACCESS_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).default(50_000),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Which proxies' X-Forwarded-For to believe: the web app proxies /api/* from the same host by default. */
  TRUST_PROXY: z.string().min(1).default('loopback'),
  /** How long SIGTERM waits for in-flight requests before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** Serve the interactive API reference at /api/docs (the JSON spec at /api/openapi.json is always served). */
  API_DOCS_ENABLED: booleanFromEnv.default(true),
  /**
   * HMAC key of access tokens (HS256). Required in production; elsewhere a fixed development key is used
   * so that `npm run auth:dev-token` and the API agree without any setup.
   */
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * The web app's origin (the API is served under it at /api): links in sign-in and invitation emails point
   * here, and the CSRF check accepts requests whose Origin is this one. `npm start` sets it from PORT.
   */
  APP_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .transform((url) => new URL(url).origin)
    .default('http://localhost:3000'),
  /** A session ends after this much inactivity (each refresh of the access token moves it); docs/authentication.md. */
  AUTH_IDLE_TIMEOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(12 * 60),
  /** A staff session ends this long after sign-in whatever happens. */
  AUTH_ABSOLUTE_TIMEOUT_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** A client-portal session (a link scoped to one business) ends sooner. */
  AUTH_PORTAL_ABSOLUTE_TIMEOUT_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /**
   * AES-256-GCM key (32 bytes, base64) that encrypts TOTP secrets at rest. Required in production; elsewhere a
   * fixed development key is used (with a warning). `_PREVIOUS` still decrypts during a key rotation.
   */
  AUTH_ENCRYPTION_KEY: base64Key32.optional(),
  AUTH_ENCRYPTION_KEY_PREVIOUS: base64Key32.optional(),
  /** Ed25519 private key (PKCS#8 PEM) that signs activity-chain checkpoints; see docs/audit.md. */
  AUDIT_SIGNING_KEY: z
    .string()
    .min(1)
    .refine((pem) => {
      try {
        loadSigningKey(pem);
        return true;
      } catch {
        return false;
      }
    }, 'must be an Ed25519 private key in PKCS#8 PEM form')
    .optional(),
  /**
   * Run the outbox relay and job handlers in this process: `auto` (the default) does so in the API when there
   * is no REDIS_URL (the embedded default) and leaves them to `node dist/worker.js` when there is.
   */
  RUN_WORKERS: z.enum(['auto', 'true', 'false']).default('auto'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  /** How long a handed-out event is not handed out again: longer than any handler may take. */
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1_000).default(60_000),
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  OUTBOX_BACKOFF_MS: z.coerce.number().int().min(1).default(1_000),
  /** BullMQ queue name; distinct per deployment sharing a Redis. */
  OUTBOX_QUEUE: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('ontrack-outbox'),
  /**
   * How often a process running workers enqueues the current period of every schedule (at most once per
   * business and period whatever this is): the longest delay between a period's start and its event.
   */
  SCHEDULER_TICK_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /**
   * Comma-separated job names this process runs (e.g. `notifications.deliver` for a worker pool of its own);
   * unset: every job it knows. Events of other jobs wait for a process that runs them.
   */
  OUTBOX_JOBS: z
    .string()
    .regex(/^[a-z0-9._-]+(,[a-z0-9._-]+)*$/, 'must be job names separated by commas, e.g. notifications.deliver')
    .transform((value) => value.split(','))
    .optional(),
  /**
   * Comma-separated tenant ids whose events this process works; unset: every tenant's. For processes that
   * share one database but must not take each other's work, such as test files delivering to their own
   * SMTP server.
   */
  OUTBOX_TENANTS: z
    .string()
    .regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/i, 'must be tenant ids (UUIDs) separated by commas')
    .transform((value) => value.toLowerCase().split(','))
    .optional(),
  ...emailConfigSchema.shape,
  ...rateLimitConfigSchema.shape,
  ...smsConfigSchema.shape,
  ...oidcConfigSchema.shape,
  ...geocodingConfigSchema.shape,
});

// Twilio's variables are all set or none (each missing one is named); an OIDC client id needs its secret.
export const configSchema = settingsSchema.superRefine(checkSmsConfig).superRefine(checkOidcConfig);

export type AppConfig = z.output<typeof configSchema>;

/** Not a secret: it only protects development and test databases. Production refuses to start without its own. */
export const DEV_AUTH_JWT_SECRET = 'ontrack-development-only-jwt-secret-not-for-production';
