import { z } from 'zod';
import { APP_LOCALES } from './locales.js';
import { permissionSchema, roleScopeSchema } from './rbac.js';

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
    locale: z.enum(APP_LOCALES),
    branding: tenantBrandingSchema,
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change');

/** The signed-in user's own profile. The email changes through PATCH /me/email (it needs re-authentication). */
export const updateMeSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(120),
    locale: z
      .enum(APP_LOCALES)
      .nullable()
      .describe('The language of the app and of emails to this user; null follows each business’s language.'),
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

/** What anyone may know of a business: its portal sign-in page and public request form show it. */
export const publicBusinessSchema = z.object({
  slug: z.string(),
  name: z.string(),
  locale: z.enum(APP_LOCALES),
  branding: tenantBrandingSchema,
});

/** A business's address in URLs (`/portal/{slug}/sign-in`, `/r/{slug}`). */
export const BUSINESS_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export const businessSlugParamsSchema = z.object({
  slug: z.string().regex(BUSINESS_SLUG_PATTERN, 'must be a business slug (lower-case letters, digits, dashes)'),
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
export type UpdateMe = z.infer<typeof updateMeSchema>;
export type PublicBusiness = z.infer<typeof publicBusinessSchema>;
