import { type AppConfig, configSchema } from './config.schema.js';

export class InvalidConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'InvalidConfigError';
  }
}

/** Parses the environment; throws an InvalidConfigError naming every wrong or missing variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = configSchema
    .superRefine((config, ctx) => {
      if (config.NODE_ENV === 'production' && !config.AUTH_JWT_SECRET) {
        ctx.addIssue({ code: 'custom', path: ['AUTH_JWT_SECRET'], message: 'is required in production' });
      }
      if (config.NODE_ENV === 'production' && !config.AUTH_ENCRYPTION_KEY) {
        ctx.addIssue({ code: 'custom', path: ['AUTH_ENCRYPTION_KEY'], message: 'is required in production' });
      }
      if (config.NODE_ENV === 'production' && !config.SMTP_URL) {
        ctx.addIssue({
          code: 'custom',
          path: ['SMTP_URL'],
          message: 'is required in production (mail must go somewhere)',
        });
      }
    })
    .safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const value = env[name];
    // Say what was wrong without echoing secrets (URLs carry passwords).
    const state = value === undefined ? 'is missing' : 'is invalid';
    return `${name} ${state}: ${issue.message}`;
  });
  throw new InvalidConfigError(problems);
}

/** Injection token of the parsed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
