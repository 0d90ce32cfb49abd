import type { ScheduleDefinition } from '../platform/outbox/schedule.js';
import { auditCheckpointSchedule } from './audit-checkpoint.job.js';
import type { JobDependencies } from './job-catalog.js';

/**
 * Every schedule of this process (see platform/outbox/schedule.ts): a schedule lives beside its job in
 * `jobs/<name>.job.ts` and is listed here. A schedule whose job is left out of jobCatalog() for lack of a
 * dependency is left out here too, so no events pile up that this process could not run.
 */
export function scheduleCatalog(deps: Pick<JobDependencies, 'auditSigningKey'>): readonly ScheduleDefinition<never>[] {
  const schedules: ScheduleDefinition<never>[] = [];
  if (deps.auditSigningKey) schedules.push(auditCheckpointSchedule as ScheduleDefinition<never>);
  return schedules;
}
