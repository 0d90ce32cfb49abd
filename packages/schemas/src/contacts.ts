import { z } from 'zod';
import { CONTACT_KINDS, normalizeEmail, normalizePhone, normalizeTag } from './crm-constants.js';
import { APP_LOCALES } from './locales.js';
import { MESSAGE_CHANNELS } from './messaging.js';
import { decodeCursor, encodeCursor, nextCursorSchema, pageLimitSchema, unknownParameters } from './pagination.js';

// The API contract of contacts (docs/contacts.md). Inputs are normalised here, once, the way the database
// stores and compares them: emails lower-cased, phones E.164, tags lower-case-hyphenated. Messages are
// field-level ("must be …") and shown under the field by the web forms.

const instant = z.iso.datetime({ offset: true });

/** An email address, trimmed and lower-cased (duplicates are found case-insensitively). */
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .transform(normalizeEmail)
  .pipe(z.email('must be an email address like name@example.com'));

/**
 * A phone number as people type it, stored as E.164. `defaultCallingCode` reads numbers without a `+`
 * (the business's country; "1" for the US and Canada).
 */
export function phoneSchema(defaultCallingCode = '1') {
  return z
    .string()
    .trim()
    .max(32, 'must be at most 32 characters')
    .transform((value, context) => {
      const e164 = normalizePhone(value, defaultCallingCode);
      if (!e164) {
        context.addIssue({ code: 'custom', message: 'must be a phone number like (512) 555-0123 or +44 20 7946 0958' });
        return z.NEVER;
      }
      return e164;
    });
}

const tagSchema = z
  .string()
  .transform(normalizeTag)
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(40, 'must be at most 40 characters')
      .regex(/^[\p{Ll}\p{N}][\p{Ll}\p{N}_-]*$/u, 'may use letters, digits, - and _'),
  );

/** A list without repeats (after normalisation), e.g. the same email typed twice. */
const distinct = <T>(values: T[]) => [...new Set(values)];

function contactFields(defaultCallingCode: string) {
  const phone = phoneSchema(defaultCallingCode);
  return {
    kind: z.enum(CONTACT_KINDS).describe('A person or a company.'),
    displayName: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    companyName: z.string().trim().max(200, 'must be at most 200 characters').nullable(),
    email: emailSchema.nullable().describe('The primary email: where notifications go.'),
    phone: phone.nullable().describe('The primary phone (E.164): where SMS goes, with consent.'),
    emails: z.array(emailSchema).max(10, 'at most 10 further emails').transform(distinct),
    phones: z.array(phone).max(10, 'at most 10 further phones').transform(distinct),
    preferredChannel: z.enum(MESSAGE_CHANNELS),
    locale: z.enum(APP_LOCALES).nullable().describe('null: the business’s language.'),
    tags: z.array(tagSchema).max(20, 'at most 20 tags').transform(distinct),
    notes: z.string().max(10_000, 'must be at most 10,000 characters').nullable(),
  };
}

type ContactInput = { preferredChannel?: string; phone?: string | null; email?: string | null };

/** SMS needs a phone number; the field to fix is the phone. */
function channelHasAddress(contact: ContactInput, context: z.RefinementCtx): void {
  if (contact.preferredChannel === 'sms' && contact.phone === null) {
    context.addIssue({ code: 'custom', path: ['phone'], message: 'is needed to prefer SMS' });
  }
  if (contact.preferredChannel === 'email' && contact.email === null) {
    context.addIssue({ code: 'custom', path: ['email'], message: 'is needed to prefer email' });
  }
}

/** POST /contacts. `defaultCallingCode`: the business's country calling code, for phones typed without `+`. */
export function createContactSchema(defaultCallingCode = '1') {
  const fields = contactFields(defaultCallingCode);
  return z
    .strictObject({
      kind: fields.kind.default('person'),
      displayName: fields.displayName,
      companyName: fields.companyName.default(null),
      email: fields.email.default(null),
      phone: fields.phone.default(null),
      emails: fields.emails.default([]),
      phones: fields.phones.default([]),
      preferredChannel: fields.preferredChannel.optional(),
      locale: fields.locale.default(null),
      tags: fields.tags.default([]),
      notes: fields.notes.default(null),
    })
    .transform(({ preferredChannel, ...contact }) => ({
      ...contact,
      // Unless told otherwise: email when there is one, else SMS when there is a phone.
      preferredChannel: preferredChannel ?? (contact.email === null && contact.phone !== null ? 'sms' : 'email'),
    }))
    .superRefine((contact, context) => {
      if (contact.email !== null || contact.phone !== null) channelHasAddress(contact, context);
    });
}

/** PATCH /contacts/{id} (with If-Match: the version). Only the fields sent change. */
export function updateContactSchema(defaultCallingCode = '1') {
  return z
    .strictObject(contactFields(defaultCallingCode))
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change')
    .superRefine(channelHasAddress);
}

export const createContactBodySchema = createContactSchema();
export const updateContactBodySchema = updateContactSchema();
export type CreateContactInput = z.input<typeof createContactBodySchema>;
export type CreateContact = z.output<typeof createContactBodySchema>;
export type UpdateContact = z.output<typeof updateContactBodySchema>;

export const contactSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CONTACT_KINDS),
  displayName: z.string(),
  companyName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  preferredChannel: z.enum(MESSAGE_CHANNELS),
  locale: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  version: z.number().int().describe('Also the ETag; send it back in If-Match to change the contact.'),
  createdAt: instant,
  updatedAt: instant,
  deletedAt: instant.nullable().describe('Set while the contact is in the trash (restorable).'),
});
export type ContactView = z.infer<typeof contactSchema>;

/** On create: contacts that already have one of the new contact's emails or phones (a warning, not a refusal). */
export const contactDuplicateSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  matchedOn: z.enum(['email', 'phone']),
  value: z.string().describe('The email or E.164 phone both contacts have.'),
});

// ---------------------------------------------------------------------------------------------------------
// Keyset cursors: the sort value and id of the last row of a page, so the next page starts after it
// (`where (display_name, id) > ($1, $2)`) whatever was inserted meanwhile.
// ---------------------------------------------------------------------------------------------------------

export function encodeKeysetCursor(sortValue: string, id: string): string {
  return encodeCursor(JSON.stringify([sortValue, id]));
}

export function decodeKeysetCursor(cursor: string): { sortValue: string; id: string } | undefined {
  const position = decodeCursor(cursor);
  if (!position) return undefined;
  try {
    const value: unknown = JSON.parse(position);
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      z.uuid().safeParse(value[1]).success
    ) {
      return { sortValue: value[0], id: value[1] };
    }
  } catch {
    // not JSON: not one of ours
  }
  return undefined;
}

export const keysetCursorSchema = z
  .string()
  .refine((cursor) => decodeKeysetCursor(cursor) !== undefined, 'is not a cursor returned by this API')
  .describe('The `nextCursor` of the previous page (with the same sort and filters).');

export const CONTACT_SORTS = ['name', 'created', '-created'] as const;

/** GET /contacts. `q` searches names, company, emails, phones and service addresses (fuzzy for words). */
export const contactListQuerySchema = z.strictObject(
  {
    q: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
    tag: z
      .union([tagSchema, z.array(tagSchema).max(10, 'at most 10 tags')])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .optional()
      .describe('Contacts with every tag given.'),
    kind: z.enum(CONTACT_KINDS).optional(),
    sort: z
      .enum(CONTACT_SORTS)
      .default('name')
      .describe(
        'name (A–Z), created (oldest first), -created (newest first). A word search (`q`) ranks by relevance instead, and the trash lists the most recently deleted first.',
      ),
    deleted: z.enum(['exclude', 'only']).default('exclude').describe('`only`: the trash.'),
    cursor: keysetCursorSchema.optional(),
    limit: pageLimitSchema,
  },
  unknownParameters,
);
export type ContactListQuery = z.output<typeof contactListQuerySchema>;

export const contactIdParamsSchema = z.object({ id: z.uuid('must be a contact id') });

export const contactPageSchema = z.object({
  items: z.array(contactSchema),
  nextCursor: nextCursorSchema,
});

export const contactCreatedSchema = z.object({
  contact: contactSchema,
  duplicates: z.array(contactDuplicateSchema).describe('Other contacts with the same email or phone.'),
});
