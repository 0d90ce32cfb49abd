import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  pgEnum,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { memberships } from './memberships.js';
import { tenantTable } from './rls.js';
import { tenants } from './tenants.js';

/** The catalogue of permissions, synced from @ontrack/schemas/permissions by the migrator. Global, read-only. */
export const permissions = pgTable(
  'permissions',
  {
    key: text().primaryKey(),
    description: text().notNull(),
  },
  () => [pgPolicy('permissions_read', { for: 'select', using: sql`true` })],
).enableRLS();

export const roleScope = pgEnum('role_scope', ['tenant', 'assigned', 'managed_properties', 'own_contact']);

/** A tenant's roles: the five defaults (`is_system`, not deletable) and any custom ones its admins define. */
export const roles = tenantTable(
  'roles',
  {
    id: uuid().notNull(),
    /** Stable identifier: the default roles' keys (admin, crew, ...) or a slug of a custom role's name. */
    key: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    scope: roleScope().notNull().default('tenant'),
    isSystem: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    unique('roles_tenant_key_key').on(table.tenantId, table.key),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
  ],
);

export const rolePermissions = tenantTable(
  'role_permissions',
  {
    roleId: uuid().notNull(),
    permissionKey: text().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.roleId, table.permissionKey] }),
    foreignKey({ columns: [table.tenantId, table.roleId], foreignColumns: [roles.tenantId, roles.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [table.permissionKey], foreignColumns: [permissions.key] }).onDelete('cascade'),
  ],
);

export const userRoles = tenantTable(
  'user_roles',
  {
    userId: uuid().notNull(),
    roleId: uuid().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.userId, table.roleId] }),
    foreignKey({
      columns: [table.tenantId, table.userId],
      foreignColumns: [memberships.tenantId, memberships.userId],
    }).onDelete('cascade'),
    foreignKey({ columns: [table.tenantId, table.roleId], foreignColumns: [roles.tenantId, roles.id] }).onDelete(
      'cascade',
    ),
  ],
);

export type Role = typeof roles.$inferSelect;
