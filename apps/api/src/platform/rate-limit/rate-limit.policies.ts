import { z } from 'zod';

/** The fixed policy names callers pass to `RateLimiter.consume` (see docs/security.md for the reasoning). */
export const RATE_LIMIT_POLICY_NAMES = [
  'magic-link:ip',
  'magic-link:email',
  'sign-in:ip',
  'totp:user',
  'refresh:session',
  'refresh:ip',
  'tenant:api',
  'public-request:ip',
  'public-request:business',
] as const;

export type RateLimitPolicyName = (typeof RATE_LIMIT_POLICY_NAMES)[number];

/** `points` actions per `duration` seconds (a fixed window that starts with the first action). */
export interface RateLimitWindow {
  points: number;
  duration: number;
}

export interface RateLimitPolicy extends RateLimitWindow {
  /**
   * Seconds a key stays refused once it went over the limit (0: only until its window ends). Always finite:
   * no limit here ever locks anyone out for good.
   */
  blockDuration: number;
  /**
   * For per-account policies: `points`/`duration` then count per (account, client IP) pair, and this looser
   * window counts per account across all IPs. An attacker on one address exhausts only their own pair, so the
   * real user (on another address) keeps getting in until the attacker spreads over many addresses, and even
   * then only until the ceiling's window ends.
   */
  ceiling?: RateLimitWindow;
  /**
   * Leased counting, for a policy every request goes through (the per-tenant API ceiling). With Redis, each
   * process takes 1 % of the window's points (at least 1) from the shared counter at a time and spends them
   * from memory: one Redis call per lease instead of one per request. Never more than `points` are granted in a
   * window; points a process leased but did not spend before the window ends are lost, so a busy key may be
   * refused up to one lease per process early. With fewer than 200 points a lease is one point: exact counting.
   */
  leased?: boolean;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * Production defaults. Shared office and phone-carrier NATs put many honest people behind one IP, so the
 * per-IP limits are looser than the per-account ones; per-account limits guard each victim.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<RateLimitPolicyName, RateLimitPolicy>> = {
  // Requests for sign-in links from one IP: a whole office at 8am fits, a mail-bombing script does not.
  'magic-link:ip': { points: 20, duration: 15 * MINUTE, blockDuration: 0 },
  // Links to one address: 5 an hour from any one IP, 20 an hour in all (also caps mail sent to a victim).
  'magic-link:email': { points: 5, duration: HOUR, blockDuration: 0, ceiling: { points: 20, duration: HOUR } },
  // Sign-in completions (link redemption, OIDC callbacks, invitation acceptance) per IP.
  'sign-in:ip': { points: 60, duration: 15 * MINUTE, blockDuration: 0 },
  // TOTP / recovery-code attempts: 5 per 5 minutes per (user, IP), 10 per 15 minutes per user. That is at most
  // 40 guesses an hour (ASVS 2.2.1 asks for no more than 100 failed attempts an hour per account).
  'totp:user': { points: 5, duration: 5 * MINUTE, blockDuration: 0, ceiling: { points: 10, duration: 15 * MINUTE } },
  // A session refreshes about every 15 minutes; a few tabs racing at expiry fit, a replay loop does not.
  'refresh:session': { points: 20, duration: 5 * MINUTE, blockDuration: 0 },
  'refresh:ip': { points: 600, duration: 15 * MINUTE, blockDuration: 0 },
  // Every tenant-scoped request, per tenant: a ceiling against runaway integrations, far above human use.
  'tenant:api': { points: 6000, duration: MINUTE, blockDuration: 0, leased: true },
  // The public request form (/r/{slug}), per client IP: a person sends one or two, a household a few more.
  'public-request:ip': { points: 10, duration: HOUR, blockDuration: 0 },
  // …and per business across all IPs, so a bot spreading over many addresses cannot bury one office in leads.
  'public-request:business': { points: 200, duration: HOUR, blockDuration: 0 },
};

const windowSchema = z.strictObject({
  points: z.number().int().min(1),
  duration: z
    .number()
    .int()
    .min(1)
    .max(24 * HOUR),
});

const policyOverrideSchema = z.strictObject({
  points: windowSchema.shape.points.optional(),
  duration: windowSchema.shape.duration.optional(),
  blockDuration: z
    .number()
    .int()
    .min(0)
    .max(24 * HOUR)
    .optional(),
  ceiling: windowSchema.optional(),
});

export type RateLimitOverrides = Partial<Record<RateLimitPolicyName, z.output<typeof policyOverrideSchema>>>;

const overridesSchema = z.partialRecord(z.enum(RATE_LIMIT_POLICY_NAMES), policyOverrideSchema);

/** Settings merged into configSchema (config.schema.ts). Documented in README, .env.example, docs/security.md. */
export const rateLimitConfigSchema = z.object({
  /**
   * JSON overrides of the defaults above, per policy, e.g. `{"tenant:api":{"points":20000}}`. Tests use it for
   * short windows; production normally leaves it unset.
   */
  RATE_LIMITS: z
    .string()
    .transform((text, ctx): RateLimitOverrides => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON, e.g. {"magic-link:ip":{"points":20,"duration":900}}' });
        return z.NEVER;
      }
      const result = overridesSchema.safeParse(parsed);
      if (!result.success) {
        ctx.addIssue({
          code: 'custom',
          message: `must map policy names to limits: ${result.error.issues[0]?.message}`,
        });
        return z.NEVER;
      }
      return result.data;
    })
    .optional(),
  /** Prefix of every rate-limit key in Redis: distinct per deployment (or test run) sharing one Redis. */
  RATE_LIMIT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._:-]+$/)
    .default('ontrack:rl'),
});

/** The defaults with the overrides applied; a ceiling keeps its default unless overridden as a whole. */
export function resolvePolicies(
  overrides: RateLimitOverrides = {},
): Readonly<Record<RateLimitPolicyName, RateLimitPolicy>> {
  const entries = RATE_LIMIT_POLICY_NAMES.map((name) => {
    const base = DEFAULT_RATE_LIMITS[name];
    const override = overrides[name] ?? {};
    const policy: RateLimitPolicy = {
      points: override.points ?? base.points,
      duration: override.duration ?? base.duration,
      blockDuration: override.blockDuration ?? base.blockDuration,
      ceiling: override.ceiling ?? base.ceiling,
      ...(base.leased && { leased: true }),
    };
    return [name, policy] as const;
  });
  return Object.fromEntries(entries) as Record<RateLimitPolicyName, RateLimitPolicy>;
}
