import { type SigningKey, writeCheckpoint } from '@ontrack/db/activity-checkpoints';
import { z } from 'zod';
import { checkpointLock } from '../modules/activity/checkpoint-lock.js';
import { defineJob, type JobDefinition, type JobKey } from '../platform/outbox/job-definition.js';
import { defineSchedule } from '../platform/outbox/schedule.js';

const payload = z.object({
  period: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}$/, 'must be a UTC hour such as 2026-11-24T03')
    .describe('The period the checkpoint is for (activity_checkpoints.period).'),
});
export type AuditCheckpointPayload = z.infer<typeof payload>;

/** Signing one business's activity-chain head for one period: enqueued by the hourly schedule below. */
export const auditCheckpoint: JobKey<AuditCheckpointPayload> = {
  name: 'audit.checkpoint',
  version: 1,
  payload,
  maxAttempts: 5,
};

/**
 * The handler needs the signing key (AUDIT_SIGNING_KEY), so the job is built from it when the workers start,
 * and only when it is configured (see jobCatalog): a process without the key leaves these events to one that
 * has it instead of marking them done unsigned.
 *
 * Signs the head as it is when the event runs, under the event's period. The checkpoint row is keyed by
 * (tenant, period) and written with ON CONFLICT DO NOTHING, so a period is signed at most once even if the
 * outbox's at-most-once commit were ever bypassed (an admin retrying an event that had in fact committed).
 * A business without entries gets no checkpoint; its event is done all the same.
 */
export function auditCheckpointJob(signingKey: SigningKey): JobDefinition<AuditCheckpointPayload> {
  return defineJob({
    ...auditCheckpoint,
    async handle({ tx, tenantId }, { period }) {
      // Waits for verifications of this business in progress (see checkpointLock).
      await tx.execute(checkpointLock(tenantId, 'exclusive'));
      await writeCheckpoint(tx, tenantId, period, signingKey);
    },
  });
}

/** Every hour (UTC), every business: the period is the hour, as `checkpointPeriod()` writes it. */
export const auditCheckpointSchedule = defineSchedule({
  name: 'audit.checkpoint',
  job: auditCheckpoint,
  every: 'hour',
  payload: (period) => ({ period }),
});
