import { z } from 'zod';
import { keysetCursorSchema } from './contacts.js';
import { GEOCODE_STATUSES } from './crm-constants.js';
import { nextCursorSchema, pageLimitSchema, unknownParameters } from './pagination.js';

// The API contract of properties (service addresses) and their access details (docs/contacts.md).

const instant = z.iso.datetime({ offset: true });
const line = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((value) => (value === '' ? null : value))
    .nullable();

/** Gate codes and access notes: read and written only with `properties:access-notes`. */
export const propertyAccessInputSchema = z.strictObject({
  gateCode: optionalLine(40),
  accessNotes: optionalLine(2_000),
});

const addressFields = {
  label: optionalLine(80).describe('How the owner calls it: Home, Lake house, Unit 4B.'),
  addressLine1: line(200),
  addressLine2: optionalLine(200),
  city: line(100),
  region: optionalLine(100).describe('State, province or region (US: the two-letter state).'),
  postalCode: optionalLine(20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as US'),
  notes: z.string().max(10_000, 'must be at most 10,000 characters').nullable(),
};

/** POST /properties. Coordinates are not taken from clients: the geocoding job fills them. */
export const createPropertySchema = z.strictObject({
  contactId: z.uuid('must be a contact id'),
  label: addressFields.label.default(null),
  addressLine1: addressFields.addressLine1,
  addressLine2: addressFields.addressLine2.default(null),
  city: addressFields.city,
  region: addressFields.region.default(null),
  postalCode: addressFields.postalCode.default(null),
  country: addressFields.country.default('US'),
  notes: addressFields.notes.default(null),
  access: propertyAccessInputSchema.optional().describe('Needs properties:access-notes.'),
});
export type CreateProperty = z.output<typeof createPropertySchema>;

/** PATCH /properties/{id} (If-Match). Changing the address sends it to geocoding again. */
export const updatePropertySchema = z
  .strictObject({ ...addressFields, access: propertyAccessInputSchema })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change');
export type UpdateProperty = z.output<typeof updatePropertySchema>;

export const propertyAccessSchema = z.object({
  gateCode: z.string().nullable(),
  accessNotes: z.string().nullable(),
  updatedAt: instant,
});

export const propertySchema = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  label: z.string().nullable(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  city: z.string(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  geocodeStatus: z.enum(GEOCODE_STATUSES),
  geocodedAt: instant.nullable(),
  notes: z.string().nullable(),
  access: propertyAccessSchema
    .nullable()
    .optional()
    .describe('Absent without properties:access-notes; null when none were recorded.'),
  version: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
  deletedAt: instant.nullable(),
});
export type PropertyView = z.infer<typeof propertySchema>;

export const propertyListQuerySchema = z.strictObject(
  {
    contactId: z.uuid('must be a contact id').optional(),
    q: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
    deleted: z.enum(['exclude', 'only']).default('exclude'),
    cursor: keysetCursorSchema.optional(),
    limit: pageLimitSchema,
  },
  unknownParameters,
);

export const propertyPageSchema = z.object({ items: z.array(propertySchema), nextCursor: nextCursorSchema });

export const propertyIdParamsSchema = z.object({ id: z.uuid('must be a property id') });

/** PUT /properties/{id}/managers: the complete list of Property Manager users of the property. */
export const setPropertyManagersSchema = z.strictObject({
  userIds: z
    .array(z.uuid('must be a user id'))
    .max(50, 'at most 50 managers')
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))])
    .describe('Members holding a role with the managed_properties scope; an empty list removes every manager.'),
});
export type SetPropertyManagers = z.output<typeof setPropertyManagersSchema>;

export const propertyManagerSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  since: instant.describe('When the user started managing this property.'),
});
export type PropertyManagerView = z.infer<typeof propertyManagerSchema>;

export const propertyManagerListSchema = z.object({ items: z.array(propertyManagerSchema) });
