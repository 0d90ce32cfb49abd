import { DEMO_TENANT_ID, OTHER_TENANT_ID, SEED_CONTACT_IDS, SEED_USER_IDS } from './seed-data.js';

/**
 * Contacts, their properties, gate codes and property-manager links of the demo seed (docs/contacts.md); the
 * leads are in seed-leads-data.ts.
 * Fixed ids and dates: dates are relative to SEED_TODAY, so "follow up in 3 days" reads the same on every
 * machine, whatever the day the seed runs.
 */
export const SEED_TODAY = '2026-03-16';

/** A fixed id in the seed's UUIDv7 layout: block 30, n 7 → 01970000-0000-7000-8000-000000030007. */
export function seedId(block: number, n: number): string {
  return `01970000-0000-7000-8000-${String(block * 1000 + n).padStart(12, '0')}`;
}

export const SEED_BLOCK = {
  demoContact: 1,
  otherContact: 2,
  demoProperty: 30,
  otherProperty: 31,
  demoLead: 40,
  otherLead: 41,
  demoStageChange: 50,
  otherStageChange: 51,
};

export interface SeedProperty {
  tenantId: string;
  id: string;
  contactId: string;
  label?: string;
  addressLine1: string;
  addressLine2?: string;
  city: string;
  region: string;
  postalCode: string;
  latitude: string;
  longitude: string;
  notes?: string;
  gateCode?: string;
  accessNotes?: string;
}

export interface SeedCrmContact {
  tenantId: string;
  id: string;
  kind: 'person' | 'company';
  displayName: string;
  companyName?: string;
  email?: string;
  phone?: string;
  emails?: string[];
  phones?: string[];
  tags: string[];
  notes?: string;
  locale?: string;
  preferredChannel: 'email' | 'sms';
}

// [name, kind, company, email, phone, tags, notes]
type ContactRow = [string, 'person' | 'company', string | null, string | null, string | null, string[], string | null];

/** The 36 demo contacts beyond the four the messaging seed made (SEED_CONTACT_IDS), numbered from 5. */
const demoContactRows: ContactRow[] = [
  [
    'Jordan Smith',
    'person',
    null,
    'jordan.smith@example.com',
    '+15125550201',
    ['residential', 'weekly-mowing'],
    'Prefers morning visits; two dogs in the backyard.',
  ],
  [
    'Brightside Dental',
    'company',
    'Brightside Dental Group PLLC',
    'facilities@brightside-dental.example.com',
    '+15125550202',
    ['commercial', 'net-30'],
    'Invoice the Round Rock office manager; crews must finish before 8 am.',
  ],
  ['Emily Nguyen', 'person', null, 'emily.nguyen@example.com', '+15125550203', ['residential'], null],
  [
    'Robert Castillo',
    'person',
    'Castillo Realty',
    'robert@castillo-realty.example.com',
    '+15125550204',
    ['referral-partner', 'residential'],
    'Realtor: sends listings that need curb appeal before photos.',
  ],
  [
    'Lakeway Vista Apartments',
    'company',
    'Vista Residential Partners LLC',
    'maintenance@lakewayvista.example.com',
    '+15125550205',
    ['commercial', 'multi-family'],
    'Gate code changes monthly: confirm with the leasing office.',
  ],
  [
    'Sarah Johnson',
    'person',
    null,
    'sarah.johnson@example.com',
    '+15125550206',
    ['residential', 'vip'],
    'Long-standing customer since 2019.',
  ],
  ['Michael Brown', 'person', null, 'mbrown@example.com', '+15125550207', ['residential'], null],
  [
    'Hill Country Bistro',
    'company',
    'Hill Country Bistro LLC',
    'owner@hcbistro.example.com',
    '+15125550208',
    ['commercial'],
    'Patio seating: no blowers during lunch (11-2).',
  ],
  ['Aisha Patel', 'person', null, 'aisha.patel@example.com', '+15125550209', ['residential', 'xeriscape'], null],
  [
    'David Kim',
    'person',
    'Kim & Associates CPA',
    'david.kim@example.com',
    '+15125550210',
    ['residential'],
    'Works from home; text before arriving.',
  ],
  [
    'Oak Hollow HOA',
    'company',
    'Oak Hollow Homeowners Association',
    'board@oakhollow-hoa.example.com',
    '+15125550211',
    ['hoa', 'commercial', 'net-30'],
    'Board meets 2nd Tuesday; approvals needed above $2,500.',
  ],
  ['Jennifer Martinez', 'person', null, 'jen.martinez@example.com', '+15125550212', ['residential'], null],
  ['Christopher Lee', 'person', null, 'chris.lee@example.com', '+15125550213', ['residential', 'irrigation'], null],
  [
    'Cedar Park ISD Facilities',
    'company',
    'Cedar Park Independent School District',
    'grounds@cpisd.example.com',
    '+15125550214',
    ['commercial', 'public-sector'],
    'Purchase order required before any work.',
  ],
  ['Laura Wilson', 'person', null, 'laura.wilson@example.com', '+15125550215', ['residential'], null],
  ['James Anderson', 'person', null, 'j.anderson@example.com', '+15125550216', ['residential', 'weekly-mowing'], null],
  ['Maria Gonzalez', 'person', null, 'maria.gonzalez@example.com', '+15125550217', ['residential'], 'Prefers Spanish.'],
  [
    'Pflugerville Plaza',
    'company',
    'PFV Retail Holdings LP',
    'pm@pfvplaza.example.com',
    '+15125550218',
    ['commercial', 'retail'],
    null,
  ],
  ['Kevin O’Brien', 'person', null, 'kevin.obrien@example.com', '+15125550219', ['residential'], null],
  [
    'Rachel Green',
    'person',
    'Green Leaf Interiors',
    'rachel@greenleaf.example.com',
    '+15125550220',
    ['residential', 'referral-partner'],
    null,
  ],
  [
    'Thomas Wright',
    'person',
    null,
    'tom.wright@example.com',
    '+15125550221',
    ['residential'],
    'Gate is on the alley side.',
  ],
  [
    'Georgetown Medical Park',
    'company',
    'GMP Property Owners Assoc.',
    'facilities@gtownmedpark.example.com',
    '+15125550222',
    ['commercial', 'net-30'],
    null,
  ],
  ['Olivia Harris', 'person', null, 'olivia.harris@example.com', '+15125550223', ['residential'], null],
  ['Daniel Clark', 'person', null, 'dan.clark@example.com', '+15125550224', ['residential', 'irrigation'], null],
  ['Sophia Rodriguez', 'person', null, 'sophia.rodriguez@example.com', '+15125550225', ['residential'], null],
  ['Matthew Lewis', 'person', null, 'matt.lewis@example.com', '+15125550226', ['residential'], null],
  [
    'Bee Cave Storage',
    'company',
    'Bee Cave Self Storage Inc.',
    'manager@beecavestorage.example.com',
    '+15125550227',
    ['commercial'],
    null,
  ],
  ['Emma Walker', 'person', null, 'emma.walker@example.com', '+15125550228', ['residential', 'xeriscape'], null],
  ['Andrew Hall', 'person', null, 'andrew.hall@example.com', '+15125550229', ['residential'], null],
  ['Grace Allen', 'person', null, 'grace.allen@example.com', '+15125550230', ['residential', 'vip'], null],
  ['Joshua Young', 'person', null, 'josh.young@example.com', '+15125550231', ['residential'], null],
  [
    'Leander Community Church',
    'company',
    'Leander Community Church',
    'office@leanderchurch.example.com',
    '+15125550232',
    ['commercial', 'non-profit'],
    'Sunday mornings are off-limits.',
  ],
  ['Chloe King', 'person', null, 'chloe.king@example.com', '+15125550233', ['residential'], null],
  ['Ryan Scott', 'person', null, 'ryan.scott@example.com', '+15125550234', ['residential'], null],
  ['Natalie Torres', 'person', null, 'natalie.torres@example.com', '+15125550235', ['residential'], null],
  ['Benjamin Adams', 'person', null, 'ben.adams@example.com', '+15125550236', ['residential', 'weekly-mowing'], null],
];

export const demoContactId = (n: number) => seedId(SEED_BLOCK.demoContact, n);

/** Demo contacts added by the contacts issue (the first four are in seed-data.ts and get tags/notes here). */
export const seedCrmContacts: readonly SeedCrmContact[] = [
  ...demoContactRows.map(
    ([displayName, kind, companyName, email, phone, tags, notes], index): SeedCrmContact => ({
      tenantId: DEMO_TENANT_ID,
      id: demoContactId(index + 5),
      kind,
      displayName,
      ...(companyName && { companyName }),
      ...(email && { email }),
      ...(phone && { phone }),
      tags,
      ...(notes && { notes }),
      ...(displayName === 'Maria Gonzalez' && { locale: 'es' }),
      preferredChannel: index % 3 === 0 ? 'sms' : 'email',
      // A second address for a few, so duplicate lookup and search see the extra columns.
      ...(index === 0 && { emails: ['jsmith.work@example.com'] }),
      ...(index === 1 && { phones: ['+15125550292'] }),
    }),
  ),
  {
    tenantId: OTHER_TENANT_ID,
    id: seedId(SEED_BLOCK.otherContact, 2),
    kind: 'company',
    displayName: 'Altitude Apartments',
    companyName: 'Altitude Living LLC',
    email: 'maintenance@altitude-apts.example.com',
    phone: '+17205550122',
    tags: ['commercial', 'multi-family'],
    preferredChannel: 'email',
  },
  {
    tenantId: OTHER_TENANT_ID,
    id: seedId(SEED_BLOCK.otherContact, 3),
    kind: 'person',
    displayName: 'Ethan Miller',
    email: 'ethan.miller@example.com',
    phone: '+17205550133',
    tags: ['residential'],
    preferredChannel: 'sms',
  },
];

/** Tags and notes for the contacts the messaging seed made (their other columns stay as seed-data.ts has them). */
export const seedContactExtras: Readonly<Record<string, { tags: string[]; notes?: string; companyName?: string }>> = {
  [SEED_CONTACT_IDS.demoClient]: {
    tags: ['residential', 'portal'],
    notes: 'Uses the client portal to approve estimates.',
  },
  [SEED_CONTACT_IDS.demoHomeowner]: { tags: ['residential'] },
  [SEED_CONTACT_IDS.demoHoa]: {
    tags: ['hoa', 'commercial'],
    companyName: 'Harbor View Homeowners Association',
    notes: 'Managed by Priya (property manager): send estimates to her.',
  },
  [SEED_CONTACT_IDS.demoOptedOut]: { tags: ['residential'], notes: 'Texted STOP in March: email only.' },
  [SEED_CONTACT_IDS.otherCustomer]: { tags: ['residencial'] },
};

// [contact n (1-40), label, line1, city, zip, lat, lng, gate code, access notes]
type PropertyRow = [number, string | null, string, string, string, string, string, string | null, string | null];

const demoPropertyRows: PropertyRow[] = [
  [
    1,
    'Home',
    '4702 Avenue H',
    'Austin',
    '78751',
    '30.312650',
    '-97.722950',
    '4821#',
    'Side gate latch sticks: lift and push.',
  ],
  [1, 'Rental', '1108 W 9th St', 'Austin', '78703', '30.275640', '-97.752990', null, null],
  [2, 'Main residence', '2306 Windsor Rd', 'Austin', '78703', '30.293270', '-97.761650', null, null],
  [
    3,
    'Clubhouse',
    '100 Harbor View Dr',
    'Lakeway',
    '78734',
    '30.363510',
    '-97.975830',
    '1357',
    'Clubhouse key in the lockbox by the pool (code 0907).',
  ],
  [
    3,
    'Entrance & common areas',
    '2 Harbor View Dr',
    'Lakeway',
    '78734',
    '30.361210',
    '-97.973220',
    null,
    'Irrigation controller in the utility closet behind the mailboxes.',
  ],
  [3, 'Pool area', '120 Harbor View Dr', 'Lakeway', '78734', '30.364010', '-97.976520', '2468', null],
  [4, null, '8015 Thaxton Rd', 'Austin', '78747', '30.145880', '-97.741220', null, null],
  [5, null, '3405 Clearview Dr', 'Austin', '78703', '30.305240', '-97.768500', null, null],
  [
    6,
    'Round Rock office',
    '1200 E Palm Valley Blvd',
    'Round Rock',
    '78664',
    '30.519630',
    '-97.657650',
    null,
    'Check in at the front desk.',
  ],
  [7, null, '1704 Wheless Ln', 'Austin', '78723', '30.302150', '-97.690310', null, null],
  [8, null, '215 Brushy Creek Rd', 'Cedar Park', '78613', '30.512700', '-97.809900', null, null],
  [
    9,
    'Building A',
    '2200 Lohmans Crossing',
    'Lakeway',
    '78734',
    '30.354780',
    '-97.965020',
    '#7391',
    'Leasing office open 9-6; maintenance shed behind building C.',
  ],
  [10, null, '6803 Bee Cave Rd', 'Austin', '78746', '30.286920', '-97.823180', null, null],
  [11, null, '1511 Gaston Ave', 'Austin', '78703', '30.289880', '-97.759400', null, null],
  [12, null, '2110 Ranch Rd 620 S', 'Lakeway', '78734', '30.346100', '-97.968500', null, null],
  [13, null, '9403 Meadowheath Dr', 'Austin', '78729', '30.454380', '-97.765020', null, null],
  [14, null, '506 Pecan St W', 'Pflugerville', '78660', '30.439500', '-97.624400', null, null],
  [
    15,
    'Common areas',
    '1 Oak Hollow Dr',
    'Georgetown',
    '78628',
    '30.637920',
    '-97.716520',
    '0415',
    'Pump house key with the HOA president.',
  ],
  [16, null, '3902 Cherry Ln', 'Austin', '78703', '30.302510', '-97.760100', null, null],
  [17, null, '12007 Shropshire Blvd', 'Austin', '78753', '30.390720', '-97.658760', null, null],
  [
    18,
    'Cedar Park High School',
    '2150 Cypress Creek Rd',
    'Cedar Park',
    '78613',
    '30.483080',
    '-97.833910',
    null,
    'Sign in at the main office; no work during class changes.',
  ],
  [19, null, '705 Sunny Brook Dr', 'Round Rock', '78664', '30.495220', '-97.661800', null, null],
  [20, null, '1902 E 2nd St', 'Austin', '78702', '30.259010', '-97.722740', null, null],
  [21, null, '8601 Bluffstone Cv', 'Austin', '78759', '30.381530', '-97.763510', null, null],
  [22, null, '1400 FM 685', 'Pflugerville', '78660', '30.446630', '-97.599300', null, null],
  [23, null, '203 Main St', 'Buda', '78610', '30.084460', '-97.840880', null, null],
  [24, null, '4517 Balcones Dr', 'Austin', '78731', '30.322980', '-97.755100', null, null],
  [
    25,
    null,
    '1106 Hutton Ln',
    'Dripping Springs',
    '78620',
    '30.190220',
    '-98.086580',
    '9021',
    'Alley gate; keypad on the left post.',
  ],
  [26, null, '3201 S Austin Ave', 'Georgetown', '78626', '30.613290', '-97.679320', null, null],
  [27, null, '4410 Avenue D', 'Austin', '78751', '30.307990', '-97.727140', null, null],
  [28, null, '1300 Kyle Pkwy', 'Kyle', '78640', '29.987950', '-97.870300', null, null],
  [29, null, '7712 Lakewood Dr', 'Austin', '78750', '30.425440', '-97.790110', null, null],
  [30, null, '11 Ranch Rd 2222', 'Austin', '78730', '30.357940', '-97.806200', null, null],
  [31, null, '13420 Galleria Cir', 'Bee Cave', '78738', '30.305380', '-97.939100', null, null],
  [32, null, '2702 Rio Grande St', 'Austin', '78705', '30.293490', '-97.744500', null, null],
  [33, null, '600 S Bell Blvd', 'Cedar Park', '78613', '30.497370', '-97.822250', null, null],
  [34, null, '1805 Hillmont St', 'Austin', '78704', '30.248690', '-97.773220', null, null],
  [35, null, '904 S Bagdad Rd', 'Leander', '78641', '30.565170', '-97.860300', null, null],
  [36, null, '2505 Lake Austin Blvd', 'Austin', '78703', '30.283830', '-97.776520', null, null],
  [37, null, '4304 Speedway', 'Austin', '78751', '30.306110', '-97.730990', null, null],
  [38, null, '1211 Toro Grande Dr', 'Cedar Park', '78613', '30.494150', '-97.788410', null, null],
  [39, null, '716 San Marcos St', 'San Marcos', '78666', '29.875210', '-97.934870', null, null],
  [40, null, '3007 Cedarview Dr', 'Austin', '78704', '30.240660', '-97.788970', null, null],
];

export const seedProperties: readonly SeedProperty[] = [
  ...demoPropertyRows.map(
    ([n, label, addressLine1, city, postalCode, latitude, longitude, gateCode, accessNotes], index): SeedProperty => ({
      tenantId: DEMO_TENANT_ID,
      id: seedId(SEED_BLOCK.demoProperty, index + 1),
      contactId: demoContactId(n),
      ...(label && { label }),
      addressLine1,
      city,
      region: 'TX',
      postalCode,
      latitude,
      longitude,
      ...(gateCode && { gateCode }),
      ...(accessNotes && { accessNotes }),
    }),
  ),
  {
    tenantId: OTHER_TENANT_ID,
    id: seedId(SEED_BLOCK.otherProperty, 1),
    contactId: SEED_CONTACT_IDS.otherCustomer,
    addressLine1: '2955 S Federal Blvd',
    city: 'Denver',
    region: 'CO',
    postalCode: '80236',
    latitude: '39.665610',
    longitude: '-105.025040',
  },
  {
    tenantId: OTHER_TENANT_ID,
    id: seedId(SEED_BLOCK.otherProperty, 2),
    contactId: seedId(SEED_BLOCK.otherContact, 2),
    label: 'Building 1',
    addressLine1: '1600 Glenarm Pl',
    city: 'Denver',
    region: 'CO',
    postalCode: '80202',
    latitude: '39.744590',
    longitude: '-104.988650',
    gateCode: '5512',
    accessNotes: 'Roof hatch key at the front desk.',
  },
];

/** pm@demo.test manages Harbor View HOA's three properties. */
export const seedPropertyManagers: readonly { tenantId: string; propertyId: string; userId: string }[] = [4, 5, 6].map(
  (n) => ({ tenantId: DEMO_TENANT_ID, propertyId: seedId(SEED_BLOCK.demoProperty, n), userId: SEED_USER_IDS.demoPm }),
);
