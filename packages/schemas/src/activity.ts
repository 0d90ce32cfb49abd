import { z } from 'zod';
import { decodeCursor, nextCursorSchema, pageLimitSchema, unknownParameters } from './pagination.js';

/** The seq inside an activity cursor, or undefined when the cursor is not one. */
export function decodeSeqCursor(cursor: string): number | undefined {
  const position = decodeCursor(cursor);
  if (!position || !/^[1-9][0-9]{0,15}$/.test(position)) return undefined;
  const seq = Number(position);
  return Number.isSafeInteger(seq) ? seq : undefined;
}

const seqCursorSchema = z
  .string()
  .refine((cursor) => decodeSeqCursor(cursor) !== undefined, 'is not a cursor returned by this API')
  .describe('The `nextCursor` of the previous page.');

const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

// ---------------------------------------------------------------------------------------------------------
// The activity log as the API shows it.
// ---------------------------------------------------------------------------------------------------------

export const activityEntityTypeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a lowercase entity type such as invoice or support_access_grant');
export const activityEntityIdSchema = z.string().min(1).max(200);
const activityActionSchema = z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'must be a lowercase action such as update');

export const activityEntrySchema = z.object({
  id: z.uuid(),
  seq: z.number().int().describe('Position in the business’s hash chain: 1, 2, 3, ... without gaps.'),
  occurredAt: z.iso.datetime({ offset: true }),
  actorType: z.enum(['user', 'system', 'support']).describe('`support`: a platform operator under a support grant.'),
  actorUserId: z.uuid().nullable(),
  actorLabel: z.string().describe('Who acted, as it was at the time (an email, or the name of a system task).'),
  entityType: z.string(),
  entityId: z.string().nullable(),
  action: z.string().describe('`create`, `update`, `delete`, `read`, or a domain verb such as `grant`.'),
  summary: z.record(z.string(), z.unknown()).describe('What changed (`{ field: [before, after] }`) or was read.'),
  sensitiveRead: z.boolean(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const activityPageSchema = z.object({
  items: z.array(activityEntrySchema).describe('Newest first.'),
  nextCursor: nextCursorSchema,
});

export const activityFeedQuerySchema = z
  .strictObject(
    {
      cursor: seqCursorSchema.optional(),
      limit: pageLimitSchema,
      entityType: activityEntityTypeSchema.optional(),
      entityId: activityEntityIdSchema.optional(),
      actorUserId: z.uuid().optional(),
      action: activityActionSchema.optional(),
      from: z.iso.datetime({ offset: true }).optional().describe('Entries that occurred at or after this instant.'),
      to: z.iso.datetime({ offset: true }).optional().describe('Entries that occurred before this instant.'),
      sensitiveRead: queryBoolean.optional().describe('`true`: only reads of sensitive data; `false`: none of them.'),
    },
    unknownParameters,
  )
  .refine((query) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to), {
    path: ['to'],
    message: 'must be later than from',
  });

export const entityTimelineParamsSchema = z.object({
  entityType: activityEntityTypeSchema,
  entityId: activityEntityIdSchema,
});

export const entityTimelineQuerySchema = z.strictObject(
  { cursor: seqCursorSchema.optional(), limit: pageLimitSchema },
  unknownParameters,
);

// ---------------------------------------------------------------------------------------------------------
// Verification of the hash chain.
// ---------------------------------------------------------------------------------------------------------

export const chainBreakReasonSchema = z.enum([
  'seq_gap',
  'seq_invalid',
  'prev_hash_mismatch',
  'hash_mismatch',
  'checkpoint_mismatch',
  'checkpoint_signature_invalid',
  'checkpoint_key_unknown',
  'chain_truncated',
]);

export const auditVerifyResultSchema = z.object({
  ok: z.boolean().describe('True when every entry and every checkpoint verified.'),
  entries: z.number().int().describe('Entries found intact, from seq 1 (all of them when ok).'),
  head: z
    .object({ seq: z.number().int(), hash: z.string() })
    .describe('The last entry of the chain as stored (seq 0 and 64 zeros while the log is empty).'),
  checkpoints: z
    .enum(['verified', 'not_checked'])
    .describe(
      '`verified`: checkpoint signatures were checked with the server’s key; `not_checked`: no signing key is ' +
        'configured, so checkpoints were only compared with the chain.',
    ),
  checkpointCount: z.number().int().describe('Checkpoints compared with the chain before the walk ended.'),
  brokenAt: z
    .object({
      seq: z.number().int().describe('The first position whose entry is wrong or missing.'),
      id: z.string().nullable(),
      reason: chainBreakReasonSchema,
      expected: z.string(),
      actual: z.string(),
      period: z.string().optional().describe('The checkpoint involved, for checkpoint and truncation breaks.'),
    })
    .optional(),
});

export type ActivityEntry = z.infer<typeof activityEntrySchema>;
export type ActivityPage = z.infer<typeof activityPageSchema>;
export type ActivityFeedQuery = z.output<typeof activityFeedQuerySchema>;
export type EntityTimelineParams = z.output<typeof entityTimelineParamsSchema>;
export type EntityTimelineQuery = z.output<typeof entityTimelineQuerySchema>;
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;
