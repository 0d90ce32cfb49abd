import { z } from 'zod';
import { isE164 } from './sms.port.js';

const hex32 = '[0-9a-fA-F]{32}';

/** The externally visible origin: what Twilio calls, and what it signs, when it calls a webhook of ours. */
const publicOrigin = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .refine((value) => {
    const url = new URL(value);
    return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  }, 'must be an origin only, like https://app.example.com (no path, query or credentials)')
  .transform((value) => new URL(value).origin);

/**
 * SMS settings (Twilio), merged into configSchema (config.schema.ts), which also applies checkSmsConfig.
 * Documented in README, .env.example and docs/messaging.md. All optional: without Twilio, SMS is disabled and
 * notifications go by email — in production too.
 */
export const smsConfigSchema = z.object({
  /** Account SID (Console → Account info). With TWILIO_AUTH_TOKEN it is the Basic auth of every API call. */
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(new RegExp(`^AC${hex32}$`), 'must be AC followed by 32 hex digits')
    .optional(),
  /** Auth Token of that account: authenticates our calls and is the HMAC key of Twilio's webhook signatures. */
  TWILIO_AUTH_TOKEN: z.string().min(16, 'must be the Auth Token of the account (32 characters)').optional(),
  /** Sender number in E.164 (+15551234567). Set this or TWILIO_MESSAGING_SERVICE_SID, not both. */
  TWILIO_FROM: z.string().refine(isE164, 'must be a phone number in E.164 form, like +15551234567').optional(),
  /** Messaging Service (MG…) that picks the sender from its pool and handles STOP/START itself. */
  TWILIO_MESSAGING_SERVICE_SID: z
    .string()
    .regex(new RegExp(`^MG${hex32}$`), 'must be MG followed by 32 hex digits')
    .optional(),
  /**
   * Where the SDK sends API calls instead of https://api.twilio.com: tests and local development point it at
   * the fake server (apps/api/test/support/fake-twilio.ts).
   */
  TWILIO_API_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  /**
   * The externally visible origin of the app (https://app.example.com). Webhook signatures cover the exact URL
   * Twilio called, which behind a proxy is not the one the API sees; status-callback URLs are built on it too.
   */
  PUBLIC_URL: publicOrigin.optional(),
});

export type SmsConfig = z.output<typeof smsConfigSchema>;

/** Injection token of the parsed SMS settings (provided by SmsModule). */
export const SMS_CONFIG = Symbol('SMS_CONFIG');

const TWILIO_KEYS = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_FROM',
  'TWILIO_MESSAGING_SERVICE_SID',
  'TWILIO_API_BASE_URL',
] as const;

type TwilioKey = (typeof TWILIO_KEYS)[number];

/** The settings once checkSmsConfig accepted them and Twilio is on. */
export type TwilioSettings = SmsConfig & Required<Pick<SmsConfig, 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN'>>;

export function isTwilioConfigured(config: SmsConfig): config is TwilioSettings {
  return Boolean(config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN);
}

/**
 * Twilio is all or nothing: half a configuration would fail on the first message (or, for the auth token, on
 * every webhook) instead of at start-up. One issue per missing variable, named so loadConfig says which.
 */
export function checkSmsConfig(config: Partial<Record<TwilioKey, unknown>>, ctx: z.RefinementCtx): void {
  const present = TWILIO_KEYS.filter((key) => config[key] !== undefined);
  if (present.length === 0) return;
  const because = `when ${present.join(', ')} ${present.length === 1 ? 'is' : 'are'} set (set the Twilio variables together, or none)`;
  for (const key of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN'] as const) {
    if (config[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `is required ${because}` });
  }
  const hasFrom = config.TWILIO_FROM !== undefined;
  const hasService = config.TWILIO_MESSAGING_SERVICE_SID !== undefined;
  if (!hasFrom && !hasService) {
    ctx.addIssue({
      code: 'custom',
      path: ['TWILIO_FROM'],
      message: `(or TWILIO_MESSAGING_SERVICE_SID) is required ${because}`,
    });
  }
  if (hasFrom && hasService) {
    ctx.addIssue({
      code: 'custom',
      path: ['TWILIO_MESSAGING_SERVICE_SID'],
      message: 'cannot be set together with TWILIO_FROM: choose the sender number or the Messaging Service',
    });
  }
}

const smsSettings = smsConfigSchema.superRefine(checkSmsConfig);

/** The fragment's settings from an environment (or the merged AppConfig, which is a superset). */
export function readSmsConfig(source: Record<string, unknown>): SmsConfig {
  const picked = Object.fromEntries(
    [...TWILIO_KEYS, 'PUBLIC_URL'].map((key) => [key, source[key]]).filter(([, value]) => value !== undefined),
  );
  const result = smsSettings.safeParse(picked);
  if (result.success) return result.data;
  // Same shape as loadConfig's message; never echo a value (the auth token is a secret).
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    return `${name} ${source[name] === undefined ? 'is missing' : 'is invalid'}: ${issue.message}`;
  });
  throw new Error(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
}

/**
 * PUBLIC_URL + path (`/api/v1/...`), e.g. the StatusCallback of a message; undefined without PUBLIC_URL, since
 * Twilio cannot call an address it cannot reach (the caller then sends without a status callback).
 */
export function publicUrlFor(config: SmsConfig, path: string): string | undefined {
  if (!config.PUBLIC_URL) return undefined;
  return `${config.PUBLIC_URL}${path.startsWith('/') ? path : `/${path}`}`;
}
