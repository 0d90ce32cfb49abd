import { z } from 'zod';

export const healthSchema = z.object({
  status: z.literal('ok'),
});

export const dependencyCheckSchema = z
  .object({
    status: z.enum(['up', 'down', 'not_configured']),
    latencyMs: z.number().nonnegative().optional(),
    error: z.string().optional().describe('Why the check failed (no secrets, no connection strings).'),
  })
  .meta({ id: 'DependencyCheck' });

export const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: dependencyCheckSchema,
    redis: dependencyCheckSchema,
  }),
});

export type Health = z.infer<typeof healthSchema>;
export type DependencyCheck = z.infer<typeof dependencyCheckSchema>;
export type Readiness = z.infer<typeof readinessSchema>;
