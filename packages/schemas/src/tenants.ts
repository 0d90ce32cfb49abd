import { z } from 'zod';
import { permissionSchema, roleScopeSchema } from './permissions.js';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0F3659');

export const tenantBrandingSchema = z
  .object({
    primaryColor: hexColor.optional(),
    accentColor: hexColor.optional(),
    logoUrl: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).optional(),
  })
  .strict();

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as America/Chicago');

export const tenantSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
  currency: z.string().length(3),
  locale: z.string(),
  branding: tenantBrandingSchema,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});

export const updateTenantSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    timeZone,
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
      .refine((code) => Intl.supportedValuesOf('currency').includes(code), 'is not a known ISO 4217 currency'),
    locale: z.enum(['en', 'es']),
    branding: tenantBrandingSchema,
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change');

export const meSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: z.string().nullable(),
  memberships: z.array(
    z.object({
      tenantId: z.uuid(),
      slug: z.string(),
      name: z.string(),
      status: z.enum(['invited', 'active', 'suspended']),
    }),
  ),
});

/** What the caller may do in the business the request works in: the web app gates its navigation on it. */
export const myAccessSchema = z.object({
  tenantId: z.uuid(),
  roles: z
    .array(z.string())
    .describe('Keys of the roles the caller holds here (`admin`, `crew`, a custom key; `support` for an operator).'),
  scopes: z.array(roleScopeSchema).describe('Which rows those roles reach (tenant, assigned, …).'),
  permissions: z.array(permissionSchema).describe('Every permission the caller holds here, sorted.'),
});

export type TenantView = z.infer<typeof tenantSchema>;
export type MyAccess = z.infer<typeof myAccessSchema>;
export type UpdateTenant = z.infer<typeof updateTenantSchema>;
export type Me = z.infer<typeof meSchema>;
