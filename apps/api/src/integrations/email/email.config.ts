import { z } from 'zod';

/** `Name <address>` or a bare address: what nodemailer accepts as a From header. */
const mailbox = z
  .string()
  .trim()
  .regex(
    /^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/,
    'must be an address like OnTrack <no-reply@example.com>',
  );

/**
 * Email settings, to be merged into configSchema (config.schema.ts). Documented in README and .env.example.
 * Until then EmailModule parses them from process.env with this same schema.
 */
export const emailConfigSchema = z.object({
  /**
   * Where mail goes: `smtp://host:port` (plain, STARTTLS when offered) or `smtps://host:465` (TLS), with
   * `user:password@` when the relay wants it. Unset: messages are logged and kept in memory (development and
   * tests only; production refuses to start without it). `npm start` points it at its MailDev.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  /** Default From of every email; a message may still set its own (e.g. a tenant's verified domain). */
  EMAIL_FROM: mailbox.default('OnTrack <no-reply@ontrack.local>'),
});

export type EmailConfig = z.output<typeof emailConfigSchema>;

/** The fragment's settings from an environment (or the merged AppConfig, which is a superset). */
export function readEmailConfig(source: Record<string, unknown>): EmailConfig {
  const result = emailConfigSchema.safeParse({ SMTP_URL: source.SMTP_URL, EMAIL_FROM: source.EMAIL_FROM });
  if (result.success) return result.data;
  // Same shape as loadConfig's message; never echo the value (SMTP URLs carry passwords).
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} is invalid: ${issue.message}`);
  throw new Error(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
}
