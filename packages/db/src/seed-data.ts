import type { DefaultRoleKey } from '@ontrack/schemas/permissions';
import type { NewTenant } from './schema/tenants.js';
import type { NewUser } from './schema/users.js';

// Fixed ids (UUIDv7 layout) so that the demo data, links in docs and tests stay the same on every machine.
export const DEMO_TENANT_ID = '01970000-0000-7000-8000-000000000001';
export const OTHER_TENANT_ID = '01970000-0000-7000-8000-000000000002';

export const seedTenants: readonly (NewTenant & { id: string })[] = [
  {
    id: DEMO_TENANT_ID,
    slug: 'demo',
    name: 'Evergreen Landscaping',
    timeZone: 'America/Chicago',
    currency: 'USD',
    locale: 'en',
    branding: { primaryColor: '#0F3659', accentColor: '#9FE870' },
  },
  {
    id: OTHER_TENANT_ID,
    slug: 'other',
    name: 'Summit Roofing & Remodeling',
    timeZone: 'America/Denver',
    currency: 'USD',
    locale: 'es',
    branding: { primaryColor: '#7C2D12', accentColor: '#FDBA74' },
  },
];

interface SeedUser extends NewUser {
  id: string;
  memberships: { tenantId: string; roles: DefaultRoleKey[] }[];
}

export const SEED_USER_IDS = {
  demoAdmin: '01970000-0000-7000-8000-000000000101',
  demoOffice: '01970000-0000-7000-8000-000000000102',
  demoCrew: '01970000-0000-7000-8000-000000000103',
  demoPm: '01970000-0000-7000-8000-000000000104',
  demoClient: '01970000-0000-7000-8000-000000000105',
  otherAdmin: '01970000-0000-7000-8000-000000000201',
  operator: '01970000-0000-7000-8000-000000000901',
} as const;

export const seedUsers: readonly SeedUser[] = [
  {
    id: SEED_USER_IDS.demoAdmin,
    email: 'admin@demo.test',
    name: 'Avery Admin',
    memberships: [{ tenantId: DEMO_TENANT_ID, roles: ['admin'] }],
  },
  {
    id: SEED_USER_IDS.demoOffice,
    email: 'office@demo.test',
    name: 'Olivia Office',
    memberships: [{ tenantId: DEMO_TENANT_ID, roles: ['office_staff'] }],
  },
  {
    id: SEED_USER_IDS.demoCrew,
    email: 'crew@demo.test',
    name: 'Carlos Crew',
    locale: 'es',
    memberships: [{ tenantId: DEMO_TENANT_ID, roles: ['crew'] }],
  },
  {
    id: SEED_USER_IDS.demoPm,
    email: 'pm@demo.test',
    name: 'Priya Property-Manager',
    memberships: [{ tenantId: DEMO_TENANT_ID, roles: ['property_manager'] }],
  },
  {
    id: SEED_USER_IDS.demoClient,
    email: 'client@demo.test',
    name: 'Chris Client',
    memberships: [{ tenantId: DEMO_TENANT_ID, roles: ['client'] }],
  },
  {
    id: SEED_USER_IDS.otherAdmin,
    email: 'admin@other.test',
    name: 'Omar Other-Admin',
    memberships: [{ tenantId: OTHER_TENANT_ID, roles: ['admin'] }],
  },
  {
    // A platform operator: no membership anywhere; may ask a tenant for time-boxed support access.
    id: SEED_USER_IDS.operator,
    email: 'support@ontrack.test',
    name: 'Sam Support',
    isPlatformOperator: true,
    memberships: [],
  },
];
