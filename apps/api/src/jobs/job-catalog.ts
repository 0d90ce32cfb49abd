import type { SigningKey } from '@ontrack/db/activity-checkpoints';
import type { JobDefinition } from '../platform/outbox/job-definition.js';
import { auditCheckpointJob } from './audit-checkpoint.job.js';
import { type AuthMailHandlers, authEmailJobs } from './auth-emails.job.js';
import { type DeliverMessagePayload, deliverMessageJob } from './deliver-message.job.js';
import { type GeocodePropertyPayload, geocodePropertyJob } from './geocode-property.job.js';

/**
 * Every job the workers can run. A job lives in `jobs/<name>.job.ts` (name, version, zod payload, handler)
 * and is listed here; the outbox refuses to enqueue a job that is not.
 */
export const JOB_CATALOG: readonly JobDefinition<never>[] = [];

/**
 * What job handlers may use from the application, resolved once when the workers start (OutboxWorkers reads
 * them from Nest providers and the configuration). Add a field here rather than reaching for globals.
 */
export interface JobDependencies {
  /** AUDIT_SIGNING_KEY, parsed; undefined when none is configured. */
  auditSigningKey: SigningKey | undefined;
  /** The handler of `notifications.deliver` (MessageDelivery, in NotificationsModule). */
  messageDelivery: { deliver: JobDefinition<DeliverMessagePayload>['handle'] };
  /** The handlers of the sign-in link and invitation emails (AuthMail, in modules/auth). */
  authMail?: AuthMailHandlers;
  /** The handler of `properties.geocode` (PropertyGeocoding, in modules/properties). */
  propertyGeocoding?: { geocode: JobDefinition<GeocodePropertyPayload>['handle'] };
}

/**
 * The jobs of this process: the plain ones above, and those whose handlers are built from dependencies
 * (`<name>Job(deps)`, exporting a handler-less `JobKey` for enqueuers). A job left out for lack of a
 * dependency is not leased by this process: its events wait for a process that has it.
 */
export function jobCatalog(deps: JobDependencies): readonly JobDefinition<never>[] {
  const jobs = [
    ...JOB_CATALOG,
    deliverMessageJob(deps.messageDelivery) as JobDefinition<never>,
    ...(deps.authMail ? authEmailJobs(deps.authMail) : []),
    ...(deps.propertyGeocoding ? [geocodePropertyJob(deps.propertyGeocoding) as JobDefinition<never>] : []),
  ];
  if (deps.auditSigningKey) jobs.push(auditCheckpointJob(deps.auditSigningKey) as JobDefinition<never>);
  return jobs;
}
