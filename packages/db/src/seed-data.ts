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
  demoOwner: '01970000-0000-7000-8000-000000000106',
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
  // A second Admin, as a business run by two partners has: the web team-management tests sign in as them, so
  // their authenticator enrolment does not race the sign-in tests' enrolment of Avery.
  {
    id: SEED_USER_IDS.demoOwner,
    email: 'owner@demo.test',
    name: 'Morgan Owner',
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

export const SEED_CONTACT_IDS = {
  demoClient: '01970000-0000-7000-8000-000000001001',
  demoHomeowner: '01970000-0000-7000-8000-000000001002',
  demoHoa: '01970000-0000-7000-8000-000000001003',
  demoOptedOut: '01970000-0000-7000-8000-000000001004',
  otherCustomer: '01970000-0000-7000-8000-000000002001',
} as const;

/** The consent wording of the demo's request form: what an SMS opt-in record keeps as `text_shown`. */
export const DEMO_SMS_CONSENT_TEXT =
  'I agree to receive appointment reminders and job updates by text from Evergreen Landscaping. ' +
  'Msg & data rates may apply. Reply STOP to opt out, HELP for help.';

interface SeedContact {
  tenantId: string;
  id: string;
  kind: 'person' | 'company';
  displayName: string;
  email?: string;
  phone?: string;
  preferredChannel: 'email' | 'sms';
  locale?: string;
  /** The consent history, oldest first (fixed ids: the seed re-runs without duplicating it). */
  consents: {
    id: string;
    status: 'opted_in' | 'opted_out';
    method: 'web_form' | 'sms_keyword';
    text: string;
    at: string;
  }[];
  /** The seeded user whose Client membership points at this contact. */
  clientUserId?: string;
}

export const seedContacts: readonly SeedContact[] = [
  {
    tenantId: DEMO_TENANT_ID,
    id: SEED_CONTACT_IDS.demoClient,
    kind: 'person',
    displayName: 'Chris Client',
    email: 'client@demo.test',
    phone: '+15125550105',
    preferredChannel: 'sms',
    clientUserId: SEED_USER_IDS.demoClient,
    consents: [
      {
        id: '01970000-0000-7000-8000-000000011001',
        status: 'opted_in',
        method: 'web_form',
        text: DEMO_SMS_CONSENT_TEXT,
        at: '2026-01-06T16:20:00Z',
      },
    ],
  },
  {
    tenantId: DEMO_TENANT_ID,
    id: SEED_CONTACT_IDS.demoHomeowner,
    kind: 'person',
    displayName: 'Dana Whitfield',
    email: 'dana.whitfield@example.com',
    preferredChannel: 'email',
    consents: [],
  },
  {
    // Prefers SMS but never opted in: messages go by email until consent is recorded.
    tenantId: DEMO_TENANT_ID,
    id: SEED_CONTACT_IDS.demoHoa,
    kind: 'company',
    displayName: 'Harbor View HOA',
    email: 'board@harborview-hoa.example.com',
    phone: '+15125550143',
    preferredChannel: 'sms',
    consents: [],
  },
  {
    tenantId: DEMO_TENANT_ID,
    id: SEED_CONTACT_IDS.demoOptedOut,
    kind: 'person',
    displayName: 'Miguel Ángel Torres',
    email: 'miguel.torres@example.com',
    phone: '+15125550178',
    preferredChannel: 'sms',
    locale: 'es',
    consents: [
      {
        id: '01970000-0000-7000-8000-000000014001',
        status: 'opted_in',
        method: 'web_form',
        text: DEMO_SMS_CONSENT_TEXT,
        at: '2026-02-10T14:00:00Z',
      },
      {
        id: '01970000-0000-7000-8000-000000014002',
        status: 'opted_out',
        method: 'sms_keyword',
        text: 'STOP',
        at: '2026-03-02T18:45:00Z',
      },
    ],
  },
  {
    tenantId: OTHER_TENANT_ID,
    id: SEED_CONTACT_IDS.otherCustomer,
    kind: 'person',
    displayName: 'Lucía Fernández',
    email: 'lucia.fernandez@example.com',
    phone: '+17205550111',
    preferredChannel: 'email',
    locale: 'es',
    consents: [],
  },
];
