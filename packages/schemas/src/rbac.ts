import { z } from 'zod';
import { type Permission, permissionKeys, ROLE_SCOPES } from './permissions.js';

export const permissionSchema = z.enum(permissionKeys as [Permission, ...Permission[]]);
export const roleScopeSchema = z.enum(ROLE_SCOPES);

/** One entry of the permission catalogue, as the role editor lists it. */
export const permissionEntrySchema = z.object({
  key: permissionSchema,
  description: z.string(),
});

export const roleSchema = z.object({
  id: z.uuid(),
  /** `admin`, `office_staff`, ... for the default roles; a slug of the name for custom ones. */
  key: z.string(),
  name: z.string(),
  description: z.string(),
  scope: roleScopeSchema,
  /** Default roles: provisioned with every business, read-only, never deleted. */
  isSystem: z.boolean(),
  permissions: z.array(permissionSchema),
  /** How many people of the business hold the role (whatever their membership status). */
  memberCount: z.number().int().min(0),
});

const roleName = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .refine((name) => /[\p{L}\p{N}]/u.test(name), 'must contain at least one letter or digit');

const rolePermissions = z
  .array(permissionSchema)
  .min(1, 'a role needs at least one permission')
  .refine((keys) => new Set(keys).size === keys.length, 'lists a permission more than once');

export const createRoleSchema = z
  .object({
    name: roleName,
    description: z.string().trim().max(500).optional(),
    scope: roleScopeSchema,
    permissions: rolePermissions,
  })
  .strict();

export const updateRoleSchema = z
  .object({
    name: roleName,
    description: z.string().trim().max(500),
    scope: roleScopeSchema,
    permissions: rolePermissions,
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change');

export const memberStatusSchema = z.enum(['invited', 'active', 'suspended']);

export const memberSchema = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  status: memberStatusSchema,
  roles: z.array(z.object({ id: z.uuid(), key: z.string(), name: z.string() })),
  activatedAt: z.iso.datetime({ offset: true }).nullable(),
});

export const updateMemberSchema = z
  .object({
    /** Invited people become active by accepting their invitation, not here. */
    status: z.enum(['active', 'suspended']),
    /** Replaces every role of the member. */
    roleIds: z
      .array(z.uuid())
      .min(1, 'a member needs at least one role')
      .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, 'lists a role more than once'),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change');

export const roleIdParamsSchema = z.object({ id: z.uuid() });
export const memberIdParamsSchema = z.object({ userId: z.uuid() });

export type PermissionEntry = z.infer<typeof permissionEntrySchema>;
export type RoleView = z.infer<typeof roleSchema>;
export type CreateRole = z.infer<typeof createRoleSchema>;
export type UpdateRole = z.infer<typeof updateRoleSchema>;
export type MemberView = z.infer<typeof memberSchema>;
export type UpdateMember = z.infer<typeof updateMemberSchema>;

/**
 * What makes someone an administrator of a business: managing people and managing roles. Every business
 * keeps at least one active member who holds both (through any of their roles); the API refuses changes
 * that would leave it without one.
 */
export const ADMINISTRATION_PERMISSIONS = ['roles:manage', 'users:manage'] as const satisfies readonly Permission[];
