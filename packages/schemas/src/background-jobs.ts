import { z } from 'zod';
import { decodeCursor, encodeCursor, nextCursorSchema, pageLimitSchema, unknownParameters } from './pagination.js';

/** `dead`: failed `maxAttempts` times (or could not be run at all) and waits for a person. */
export const BACKGROUND_JOB_STATUSES = ['pending', 'done', 'dead'] as const;
export type BackgroundJobStatus = (typeof BACKGROUND_JOB_STATUSES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Where a page of events ends: lists are ordered by (createdAt, id), newest first. */
export interface BackgroundJobPosition {
  createdAt: string;
  id: string;
}

export function encodeBackgroundJobCursor(position: BackgroundJobPosition): string {
  return encodeCursor(`${position.createdAt}|${position.id}`);
}

/** The position inside a background-jobs cursor, or undefined when the cursor is not one. */
export function decodeBackgroundJobCursor(cursor: string): BackgroundJobPosition | undefined {
  const [createdAt, id, ...rest] = decodeCursor(cursor)?.split('|') ?? [];
  if (rest.length > 0 || !createdAt || !id || !ISO_MILLIS.test(createdAt) || !UUID.test(id)) return undefined;
  return Number.isNaN(Date.parse(createdAt)) ? undefined : { createdAt, id };
}

const jobNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{0,99}$/, 'must be a job name such as audit.checkpoint')
  .describe('Only events of this job.');

/** One event of the transactional outbox: a unit of background work and where it stands. */
export const backgroundJobSchema = z.object({
  id: z.uuid(),
  job: z.string().describe('The job’s name, e.g. `audit.checkpoint`.'),
  version: z.number().int().describe('Version of the job’s payload format the event was written with.'),
  status: z.enum(BACKGROUND_JOB_STATUSES),
  attempts: z.number().int().describe('Tries so far; a retry from the dead letters starts again at 0.'),
  maxAttempts: z.number().int().describe('After this many failed tries the event is dead-lettered.'),
  // A bare `z.string().nullable()` comes out of nestjs-zod as an array of strings (nestjs-zod#473); the
  // constraint (or description) on the string keeps it a nullable string in the OpenAPI document.
  lastError: z
    .string()
    .max(2000) // what the outbox keeps of an error message
    .nullable()
    .describe('The error of the last failed try; kept when a dead event is retried, cleared when it succeeds.'),
  createdAt: z.iso.datetime({ offset: true }),
  availableAt: z.iso.datetime({ offset: true }).describe('Not run before this time (retries back off by moving it).'),
  processedAt: z.iso.datetime({ offset: true }).nullable().describe('When it was done; null until then.'),
  dedupeKey: z
    .string()
    .describe('e.g. `2026-11-24T03`')
    .nullable()
    .describe('Scheduled work: the period the event is for (one event per business, job and period).'),
  payload: z.unknown().describe('What the job was asked to do, as the job’s payload schema defines it.'),
});

export const backgroundJobPageSchema = z.object({
  items: z.array(backgroundJobSchema).describe('Newest first.'),
  nextCursor: nextCursorSchema,
});

export const backgroundJobListQuerySchema = z.strictObject(
  {
    status: z
      .enum(BACKGROUND_JOB_STATUSES)
      .default('dead')
      .describe('Events in this state (default `dead`: the dead letters).'),
    job: jobNameSchema.optional(),
    cursor: z
      .string()
      .refine((cursor) => decodeBackgroundJobCursor(cursor) !== undefined, 'is not a cursor returned by this API')
      .optional()
      .describe('The `nextCursor` of the previous page.'),
    limit: pageLimitSchema,
  },
  unknownParameters,
);

export const backgroundJobIdParamsSchema = z.object({ id: z.uuid() });

export type BackgroundJobView = z.infer<typeof backgroundJobSchema>;
export type BackgroundJobPage = z.infer<typeof backgroundJobPageSchema>;
export type BackgroundJobListQuery = z.output<typeof backgroundJobListQuerySchema>;
