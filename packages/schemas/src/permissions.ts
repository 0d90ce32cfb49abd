// Plain constants, no zod: the web app's client code reads them (navigation, role editor) without bundling
// zod. The zod schemas of these values (permissionSchema, roleScopeSchema) are in rbac.ts.

/**
 * Every permission of OnTrack, `resource:action`. The database keeps a copy (table `permissions`, synced by
 * the migrator) so role_permissions can reference it; this list is the source. docs/permissions.md shows the
 * default matrix below as a table and must change with it (a test compares them).
 */
export const PERMISSIONS = {
  'tenant:read': 'See the business profile and settings',
  'tenant:manage': 'Change the business profile, branding and settings',
  'users:read': 'See the people of the business and their roles',
  'users:invite': 'Invite people by email',
  'users:manage': 'Suspend people, change their roles',
  'roles:read': 'See roles and their permissions',
  'roles:manage': 'Create, change and delete custom roles',
  'activity:read': 'Read the activity log of the whole business',
  'audit:verify': 'Verify the tamper-evident chain of the activity log',
  'support:grant': 'Grant or revoke time-boxed support access to platform operators',
  'background:read': 'See background work that failed for good (dead letters)',
  'background:retry': 'Retry dead-lettered background work',
  'contacts:read': 'See contacts',
  'contacts:write': 'Create and change contacts',
  'contacts:export': 'Export contacts',
  'messages:send': 'Send email and SMS messages to contacts',
  'properties:read': 'See properties',
  'properties:write': 'Create and change properties',
  'properties:access-notes': 'See gate codes and access notes of properties',
  'leads:read': 'See leads and the pipeline',
  'leads:write': 'Create and change leads',
  'estimates:read': 'See estimates',
  'estimates:write': 'Create and change estimates',
  'estimates:approve': 'Approve or decline an estimate',
  'jobs:read': 'See jobs',
  'jobs:write': 'Create and change jobs',
  'jobs:assign': 'Assign crews to jobs',
  'tasks:read': 'See tasks',
  'tasks:write': 'Update tasks and checklists',
  'time:read': 'See time entries',
  'time:write': 'Clock in and out, record time',
  'invoices:read': 'See invoices',
  'invoices:write': 'Create and change invoices',
  'payments:read': 'See payments',
  'payments:write': 'Record and take payments',
  'files:read': 'See files and photos',
  'files:write': 'Upload files and photos',
  'schedule:read': 'See the schedule',
  'schedule:write': 'Change the schedule',
  'reports:read': 'See reports',
  'reports:export': 'Export reports',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const permissionKeys = Object.keys(PERMISSIONS) as Permission[];

/**
 * Which rows a role reaches inside its tenant. `tenant`: all of them. The others narrow what the role's
 * permissions apply to, in services and in SQL policies (app.scopes): `assigned` — jobs/tasks assigned to
 * the user (crew); `managed_properties` — properties the user manages and their work (property managers);
 * `own_contact` — records linked to the user's own contact (clients).
 */
export const ROLE_SCOPES = ['tenant', 'assigned', 'managed_properties', 'own_contact'] as const;
export type RoleScope = (typeof ROLE_SCOPES)[number];

export const DEFAULT_ROLE_KEYS = ['admin', 'office_staff', 'crew', 'property_manager', 'client'] as const;
export type DefaultRoleKey = (typeof DEFAULT_ROLE_KEYS)[number];

interface DefaultRole {
  name: string;
  description: string;
  scope: RoleScope;
  permissions: readonly Permission[];
}

const everything = permissionKeys;
const officeWork: readonly Permission[] = permissionKeys.filter(
  (key) =>
    ![
      'tenant:manage',
      'users:manage',
      'roles:manage',
      'audit:verify',
      'support:grant',
      'background:read',
      'background:retry',
    ].includes(key),
);

/** The roles every new tenant starts with. */
export const DEFAULT_ROLES: Readonly<Record<DefaultRoleKey, DefaultRole>> = {
  admin: {
    name: 'Admin',
    description: 'Runs the business account: everything, including people, roles, settings and support access.',
    scope: 'tenant',
    permissions: everything,
  },
  office_staff: {
    name: 'Office Staff',
    description: 'Day-to-day office work across the whole business, without account administration.',
    scope: 'tenant',
    permissions: officeWork,
  },
  crew: {
    name: 'Crew',
    description: 'Field work: the jobs and tasks assigned to them, time, photos, site access notes.',
    scope: 'assigned',
    permissions: [
      'tenant:read',
      'properties:read',
      'properties:access-notes',
      'jobs:read',
      'tasks:read',
      'tasks:write',
      'time:read',
      'time:write',
      'files:read',
      'files:write',
      'schedule:read',
    ],
  },
  property_manager: {
    name: 'Property Manager',
    description: 'Manages client properties: sees and requests work for the properties they manage.',
    scope: 'managed_properties',
    permissions: [
      'tenant:read',
      'properties:read',
      'properties:access-notes',
      'leads:read',
      'leads:write',
      'estimates:read',
      'estimates:approve',
      'jobs:read',
      'invoices:read',
      'files:read',
      'schedule:read',
    ],
  },
  client: {
    name: 'Client',
    description: 'A customer in the client portal: their own estimates, jobs, invoices and payments.',
    scope: 'own_contact',
    permissions: [
      'tenant:read',
      'estimates:read',
      'estimates:approve',
      'jobs:read',
      'invoices:read',
      'payments:write',
      'files:read',
    ],
  },
};

/**
 * What a platform operator may do under a tenant's support grant: look, never change. Every request made
 * under a grant is written to the tenant's activity log.
 */
export const SUPPORT_PERMISSIONS: readonly Permission[] = permissionKeys.filter((key) => key.endsWith(':read'));
