import { z } from 'zod';
import { idCursorSchema, nextCursorSchema, pageLimitSchema, unknownParameters } from './pagination.js';

export const SUPPORT_ACCESS_STATUSES = ['requested', 'granted', 'denied', 'revoked'] as const;
export type SupportAccessStatus = (typeof SUPPORT_ACCESS_STATUSES)[number];

/** What a platform operator sends to ask a business for time-boxed, read-only access. */
export const supportAccessRequestSchema = z.strictObject({
  reason: z.string().trim().min(10).max(500).describe('Why access is needed, shown to the business’s admins.'),
  minutes: z.number().int().min(15).max(480).describe('How long access should last once granted (15-480).'),
});

export const supportAccessGrantSchema = z.object({
  id: z.uuid(),
  operatorUserId: z.uuid(),
  operatorEmail: z.string().nullable().describe('The operator who asked, as recorded with the request.'),
  reason: z.string(),
  requestedMinutes: z.number().int(),
  status: z.enum(SUPPORT_ACCESS_STATUSES),
  requestedAt: z.iso.datetime({ offset: true }),
  decidedByUserId: z.uuid().nullable().describe('The admin who granted or denied the request.'),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  expiresAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .describe('When access ends (or ended: a revocation sets it to the moment of revoking).'),
  active: z.boolean().describe('True while the operator can use the grant: granted and not yet expired.'),
});

export const supportAccessPageSchema = z.object({
  items: z.array(supportAccessGrantSchema).describe('Newest first.'),
  nextCursor: nextCursorSchema,
});

export const supportAccessListQuerySchema = z.strictObject(
  {
    cursor: idCursorSchema.optional(),
    limit: pageLimitSchema,
  },
  unknownParameters,
);

export const supportAccessIdParamsSchema = z.object({ id: z.uuid() });

export type SupportAccessRequest = z.output<typeof supportAccessRequestSchema>;
export type SupportAccessGrantView = z.infer<typeof supportAccessGrantSchema>;
export type SupportAccessPage = z.infer<typeof supportAccessPageSchema>;
export type SupportAccessListQuery = z.output<typeof supportAccessListQuerySchema>;
