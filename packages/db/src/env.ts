import { z } from 'zod';
import { DEV_APP_PASSWORD } from './app-role.js';

/** Settings of the database scripts (migrate, seed), validated so a wrong variable is named, not guessed. */
const scriptEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL of the owner role' }),
    APP_DATABASE_PASSWORD: z.string().min(1).optional(),
  })
  .transform((env, ctx) => {
    if (!env.APP_DATABASE_PASSWORD && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['APP_DATABASE_PASSWORD'], message: 'is required in production' });
      return z.NEVER;
    }
    return { ...env, APP_DATABASE_PASSWORD: env.APP_DATABASE_PASSWORD ?? DEV_APP_PASSWORD };
  });

export type ScriptEnv = z.output<typeof scriptEnvSchema>;

export function readScriptEnv(source: NodeJS.ProcessEnv = process.env): ScriptEnv {
  const result = scriptEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}
