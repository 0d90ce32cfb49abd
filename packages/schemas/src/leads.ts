import { z } from 'zod';
import { emailSchema, keysetCursorSchema, phoneSchema } from './contacts.js';
import { LEAD_SOURCES, LEAD_STAGE_KINDS } from './crm-constants.js';
import { nextCursorSchema, pageLimitSchema, unknownParameters } from './pagination.js';
import { createPropertySchema } from './properties.js';

// The API contract of leads and the pipeline (docs/contacts.md).

const instant = z.iso.datetime({ offset: true });
const calendarDate = z.iso.date('must be a date like 2026-03-16');

/** Money as integer minor units of an ISO 4217 currency (ARCHITECTURE §4): 1250.00 USD → 125000 + USD. */
export const moneySchema = z.strictObject({
  amountMinor: z
    .number('must be a whole number of cents')
    .int('must be a whole number of cents')
    .min(0, 'must not be negative')
    .max(Number.MAX_SAFE_INTEGER, 'is too large'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
    // Only for well-formed codes: a malformed one has its message already.
    .refine(
      (code) => !/^[A-Z]{3}$/.test(code) || Intl.supportedValuesOf('currency').includes(code),
      'is not a known ISO 4217 currency',
    ),
});
export type Money = z.infer<typeof moneySchema>;

const leadFields = {
  source: z.enum(LEAD_SOURCES, 'must be one of web_form, phone, email, referral, walk_in, other'),
  requestedService: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  contactId: z.uuid('must be a contact id'),
  propertyId: z.uuid('must be a property id').nullable(),
  stageId: z.uuid('must be a stage id'),
  assigneeUserId: z.uuid('must be a user id').nullable(),
  estimatedValue: moneySchema.nullable(),
  nextFollowUpOn: calendarDate.nullable().describe('In the business’s time zone.'),
  notes: z.string().max(10_000, 'must be at most 10,000 characters').nullable(),
};

/** POST /leads. Without `stageId` the lead lands in the default stage. */
export const createLeadSchema = z.strictObject({
  source: leadFields.source,
  requestedService: leadFields.requestedService,
  contactId: leadFields.contactId,
  propertyId: leadFields.propertyId.default(null),
  stageId: leadFields.stageId.optional(),
  assigneeUserId: leadFields.assigneeUserId.default(null),
  estimatedValue: leadFields.estimatedValue.default(null),
  nextFollowUpOn: leadFields.nextFollowUpOn.default(null),
  notes: leadFields.notes.default(null),
});
export type CreateLead = z.output<typeof createLeadSchema>;

/** PATCH /leads/{id} (If-Match). Stage moves go through POST /leads/{id}/move (history, lost reason). */
export const updateLeadSchema = z
  .strictObject({
    source: leadFields.source,
    requestedService: leadFields.requestedService,
    contactId: leadFields.contactId,
    propertyId: leadFields.propertyId,
    assigneeUserId: leadFields.assigneeUserId,
    estimatedValue: leadFields.estimatedValue,
    nextFollowUpOn: leadFields.nextFollowUpOn,
    notes: leadFields.notes,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change');
export type UpdateLead = z.output<typeof updateLeadSchema>;

/**
 * POST /leads/{id}/move (If-Match). `reason` is required when the target stage is a `lost` one: only the
 * service knows the stage's kind, so it answers 422 with `reason` as the field when it is missing.
 */
export const moveLeadSchema = z.strictObject({
  stageId: leadFields.stageId,
  reason: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
});

export const leadStageSchema = z.object({
  id: z.uuid(),
  key: z.string().nullable().describe('new, contacted, … for the default stages; null for added ones.'),
  name: z.string(),
  position: z.number().int(),
  kind: z.enum(LEAD_STAGE_KINDS),
  isDefault: z.boolean(),
  archivedAt: instant.nullable(),
  version: z.number().int(),
});

export const createLeadStageSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters'),
  kind: z.enum(LEAD_STAGE_KINDS).default('open'),
  position: z.number().int().min(1).optional().describe('Default: after the last stage.'),
});

export const updateLeadStageSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters'),
    position: z.number().int().min(1),
    isDefault: z.literal(true).describe('Make this the stage new leads land in.'),
    archived: z.boolean(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change');

export const leadSchema = z.object({
  id: z.uuid(),
  source: z.enum(LEAD_SOURCES),
  requestedService: z.string(),
  contact: z.object({ id: z.uuid(), displayName: z.string() }),
  propertyId: z.uuid().nullable(),
  stageId: z.uuid(),
  assigneeUserId: z.uuid().nullable(),
  estimatedValue: z.object({ amountMinor: z.number().int(), currency: z.string() }).nullable(),
  nextFollowUpOn: z.string().nullable(),
  lostReason: z.string().nullable(),
  convertedAt: instant.nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
  deletedAt: instant.nullable(),
});
export type LeadView = z.infer<typeof leadSchema>;

export const leadStageChangeSchema = z.object({
  id: z.uuid(),
  fromStageId: z.uuid().nullable().describe('null: the lead was created.'),
  fromStageName: z.string().nullable().describe('The stage’s name now (stages can be renamed).'),
  toStageId: z.uuid(),
  toStageName: z.string(),
  changedByUserId: z.uuid().nullable(),
  changedByName: z.string().nullable().describe('null: the public request form or system work.'),
  changedAt: instant,
  reason: z.string().nullable(),
});
export type LeadStageChangeView = z.infer<typeof leadStageChangeSchema>;

export const leadIdParamsSchema = z.object({ id: z.uuid('must be a lead id') });
export const leadStageIdParamsSchema = z.object({ id: z.uuid('must be a stage id') });

/** GET /lead-stages. Archived stages are listed only when asked for (the pipeline settings). */
export const leadStageListQuerySchema = z.strictObject(
  { archived: z.enum(['exclude', 'include']).default('exclude') },
  unknownParameters,
);
export type LeadStageView = z.infer<typeof leadStageSchema>;
export type CreateLeadStage = z.output<typeof createLeadStageSchema>;
export type UpdateLeadStage = z.output<typeof updateLeadStageSchema>;

export const LEAD_SORTS = ['updated', 'created', '-created', 'follow-up'] as const;

export const leadListQuerySchema = z.strictObject(
  {
    stageId: z.uuid('must be a stage id').optional(),
    assigneeUserId: z.uuid('must be a user id').optional(),
    contactId: z.uuid('must be a contact id').optional(),
    source: z.enum(LEAD_SOURCES).optional(),
    followUpBefore: calendarDate.optional().describe('Leads to follow up on or before this date.'),
    q: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
    sort: z.enum(LEAD_SORTS).default('updated'),
    deleted: z.enum(['exclude', 'only']).default('exclude'),
    cursor: keysetCursorSchema.optional(),
    limit: pageLimitSchema,
  },
  unknownParameters,
);

export type LeadListQuery = z.output<typeof leadListQuerySchema>;

export const leadPageSchema = z.object({ items: z.array(leadSchema), nextCursor: nextCursorSchema });
export type LeadPage = z.infer<typeof leadPageSchema>;

/** GET /leads/board. A column's `nextCursor` continues it through GET /leads?stageId=…&sort=updated. */
export const leadBoardQuerySchema = z.strictObject(
  {
    perStage: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .default(20)
      .describe('Leads shown per column, 1-100 (default 20).'),
  },
  unknownParameters,
);

/** GET /leads/board: every live stage with its leads' count and value per currency, and its first leads. */
export const leadBoardSchema = z.object({
  columns: z.array(
    z.object({
      stage: leadStageSchema,
      count: z.number().int(),
      totals: z.array(z.object({ currency: z.string(), amountMinor: z.number().int() })),
      leads: z.array(leadSchema),
      nextCursor: nextCursorSchema,
    }),
  ),
});
export type LeadBoard = z.infer<typeof leadBoardSchema>;

/**
 * POST /leads/{id}/convert (If-Match). `property`: the service address to create for the lead's contact when
 * the lead has none yet (needs properties:write).
 */
export const convertLeadSchema = z.strictObject({
  property: createPropertySchema.omit({ contactId: true, access: true }).optional(),
});
export type ConvertLead = z.output<typeof convertLeadSchema>;

export const leadConvertedSchema = z.object({
  lead: leadSchema,
  contactId: z.uuid(),
  propertyId: z.uuid().nullable(),
});
export type LeadConverted = z.infer<typeof leadConvertedSchema>;

/**
 * The public request form (/r/{tenant-slug}): creates (or matches) the contact and a `web_form` lead.
 * `website` is a honeypot: people leave it empty, bots fill it.
 */
export const publicLeadRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    email: emailSchema.nullable().default(null),
    phone: phoneSchema().nullable().default(null),
    addressLine1: z.string().trim().max(200, 'must be at most 200 characters').nullable().default(null),
    city: z.string().trim().max(100, 'must be at most 100 characters').nullable().default(null),
    postalCode: z.string().trim().max(20, 'must be at most 20 characters').nullable().default(null),
    requestedService: leadFields.requestedService,
    message: z.string().max(5_000, 'must be at most 5,000 characters').nullable().default(null),
    smsConsent: z.boolean().default(false),
    website: z.string().max(200).default(''),
  })
  .superRefine((request, context) => {
    if (request.email === null && request.phone === null) {
      context.addIssue({ code: 'custom', path: ['email'], message: 'give an email or a phone number' });
    }
    if (request.smsConsent && request.phone === null) {
      context.addIssue({ code: 'custom', path: ['phone'], message: 'is needed to receive text messages' });
    }
    // A service address needs its town (properties.city); a town alone is not an address and is ignored.
    if (request.addressLine1 && !request.city) {
      context.addIssue({ code: 'custom', path: ['city'], message: 'is needed with the street address' });
    }
  });
export type PublicLeadRequest = z.output<typeof publicLeadRequestSchema>;

/** The answer to a request sent through the public form, also when the honeypot caught it. */
export const publicRequestReceivedSchema = z.object({ received: z.literal(true) });

/**
 * The SMS consent wording the public form shows beside its checkbox, and what the API records as the
 * consent's `text_shown`: one source, so the evidence is the text the person really saw.
 */
export function publicFormSmsConsentText(businessName: string, language: 'en' | 'es' = 'en'): string {
  return language === 'es'
    ? `Acepto recibir mensajes de texto de ${businessName} sobre mi solicitud, citas y trabajos. Pueden aplicarse tarifas de mensajes y datos. Responde STOP para no recibir más mensajes.`
    : `I agree to receive text messages from ${businessName} about my request, appointments and jobs. Msg & data rates may apply. Reply STOP to opt out.`;
}
