import type { JobDefinition } from '../platform/outbox/job-definition.js';

/**
 * Every job the workers can run. A job lives in `jobs/<name>.job.ts` (name, version, zod payload, handler)
 * and is listed here; the outbox refuses to enqueue a job that is not.
 */
export const JOB_CATALOG: readonly JobDefinition<never>[] = [];
