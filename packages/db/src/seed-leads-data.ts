import type { LeadSource } from '@ontrack/schemas/crm-constants';
import { demoContactId, SEED_BLOCK, seedId, seedProperties } from './seed-crm-data.js';
import { DEMO_TENANT_ID, OTHER_TENANT_ID, SEED_CONTACT_IDS, SEED_USER_IDS } from './seed-data.js';

/** The demo seed's leads and their stage history (docs/contacts.md), on seed-crm-data.ts's contacts and properties. */

export interface SeedLead {
  tenantId: string;
  id: string;
  source: LeadSource;
  requestedService: string;
  contactId: string;
  propertyId: string | null;
  /** The default stage key it is in now; `path` lists the stages it went through before, oldest first. */
  stage: string;
  path: string[];
  assigneeUserId: string | null;
  estimatedValueMinor: number | null;
  /** Days from SEED_TODAY (negative: overdue). */
  followUpInDays: number | null;
  lostReason?: string;
  converted?: boolean;
  notes?: string;
  /** Days before SEED_TODAY the lead came in. */
  ageDays: number;
}

const OPEN_PATH: Record<string, string[]> = {
  new: [],
  contacted: ['new'],
  site_visit_scheduled: ['new', 'contacted'],
  estimate_sent: ['new', 'contacted', 'site_visit_scheduled'],
  won: ['new', 'contacted', 'site_visit_scheduled', 'estimate_sent'],
  lost: ['new', 'contacted'],
};

// [contact n, which of the contact's properties (1-based) | null, stage, source, service, value USD cents | null,
//  follow-up days | null, assignee, age days, lost reason]
type LeadRow = [
  number,
  number | null,
  string,
  LeadSource,
  string,
  number | null,
  number | null,
  'office' | 'admin' | 'pm' | null,
  number,
  string | null,
];

const demoLeadRows: LeadRow[] = [
  [5, 1, 'new', 'web_form', 'Weekly mowing and edging', 18_000, 1, null, 1, null],
  [7, 1, 'new', 'phone', 'Spring cleanup and mulch', 65_000, 2, 'office', 2, null],
  [25, 1, 'new', 'web_form', 'Irrigation system check', null, 0, null, 0, null],
  [31, 1, 'new', 'email', 'Sod installation, front yard', 420_000, 3, 'office', 1, null],
  [13, 1, 'new', 'referral', 'Tree trimming (3 live oaks)', 120_000, -1, 'admin', 4, null],
  [3, 1, 'new', 'phone', 'Replace dead shrubs at the clubhouse', 280_000, 2, 'pm', 3, null],
  [9, 1, 'contacted', 'web_form', 'Xeriscape design consultation', 950_000, 4, 'office', 6, null],
  [16, 1, 'contacted', 'phone', 'Drainage fix along the driveway', 310_000, -2, 'office', 9, null],
  [20, 1, 'contacted', 'referral', 'Flower bed redesign', 145_000, 5, 'admin', 8, null],
  [28, null, 'contacted', 'walk_in', 'Holiday lighting quote', 85_000, 7, null, 10, null],
  [34, 1, 'contacted', 'email', 'Weekly mowing (season contract)', 240_000, 1, 'office', 5, null],
  [6, 1, 'site_visit_scheduled', 'email', 'Parking-lot islands refresh', 560_000, 2, 'admin', 12, null],
  [15, 1, 'site_visit_scheduled', 'phone', 'HOA common-area irrigation upgrade', 1_250_000, 3, 'office', 14, null],
  [3, 2, 'site_visit_scheduled', 'phone', 'Entrance monument landscaping', 740_000, 1, 'pm', 11, null],
  [22, 1, 'site_visit_scheduled', 'web_form', 'Retaining wall repair', 390_000, 6, null, 13, null],
  [12, 1, 'estimate_sent', 'referral', 'Pool-side planting and lighting', 1_680_000, 4, 'admin', 18, null],
  [18, 1, 'estimate_sent', 'email', 'School grounds spring package', 2_450_000, 10, 'office', 21, null],
  [1, 1, 'estimate_sent', 'web_form', 'Backyard patio and pavers', 1_120_000, 2, 'office', 16, null],
  [30, 1, 'estimate_sent', 'phone', 'Fence staining', 210_000, -3, null, 20, null],
  [10, 1, 'won', 'referral', 'Full front-yard renovation', 1_890_000, null, 'admin', 30, null],
  [26, 1, 'won', 'web_form', 'Seasonal color rotation', 360_000, null, 'office', 28, null],
  [36, 1, 'won', 'phone', 'Aeration and overseeding', 54_000, null, 'office', 25, null],
  [21, 1, 'lost', 'web_form', 'Artificial turf install', 980_000, null, 'office', 27, 'Went with a cheaper installer.'],
  [33, 1, 'lost', 'phone', 'Tree removal', 150_000, null, null, 24, 'Out of our service area for stump grinding.'],
  [2, 1, 'lost', 'email', 'Outdoor kitchen', 2_600_000, null, 'admin', 35, 'Project postponed to next year.'],
];

function propertyOf(contactId: string, which: number): string {
  const id = seedProperties.filter((property) => property.contactId === contactId)[which - 1]?.id;
  if (!id) throw new Error(`seed: contact ${contactId} has no property #${which}`);
  return id;
}

const assignees = { office: SEED_USER_IDS.demoOffice, admin: SEED_USER_IDS.demoAdmin, pm: SEED_USER_IDS.demoPm };

export const seedLeads: readonly SeedLead[] = [
  ...demoLeadRows.map(
    (
      [n, property, stage, source, requestedService, value, followUp, assignee, ageDays, lostReason],
      index,
    ): SeedLead => ({
      tenantId: DEMO_TENANT_ID,
      id: seedId(SEED_BLOCK.demoLead, index + 1),
      source,
      requestedService,
      contactId: demoContactId(n),
      propertyId: property === null ? null : propertyOf(demoContactId(n), property),
      stage,
      path: OPEN_PATH[stage] ?? [],
      assigneeUserId: assignee ? assignees[assignee] : null,
      estimatedValueMinor: value,
      followUpInDays: followUp,
      ...(lostReason && { lostReason }),
      ...(stage === 'won' && index !== 21 && { converted: true }),
      ageDays,
    }),
  ),
  {
    tenantId: OTHER_TENANT_ID,
    id: seedId(SEED_BLOCK.otherLead, 1),
    source: 'phone',
    requestedService: 'Reparación de tejado tras granizo',
    contactId: SEED_CONTACT_IDS.otherCustomer,
    propertyId: seedId(SEED_BLOCK.otherProperty, 1),
    stage: 'contacted',
    path: ['new'],
    assigneeUserId: SEED_USER_IDS.otherAdmin,
    estimatedValueMinor: 1_450_000,
    followUpInDays: 2,
    ageDays: 5,
  },
  {
    tenantId: OTHER_TENANT_ID,
    id: seedId(SEED_BLOCK.otherLead, 2),
    source: 'email',
    requestedService: 'Gutter replacement, building 1',
    contactId: seedId(SEED_BLOCK.otherContact, 2),
    propertyId: seedId(SEED_BLOCK.otherProperty, 2),
    stage: 'estimate_sent',
    path: ['new', 'contacted', 'site_visit_scheduled'],
    assigneeUserId: SEED_USER_IDS.otherAdmin,
    estimatedValueMinor: 2_300_000,
    followUpInDays: 4,
    ageDays: 12,
  },
  {
    tenantId: OTHER_TENANT_ID,
    id: seedId(SEED_BLOCK.otherLead, 3),
    source: 'web_form',
    requestedService: 'Kitchen remodel estimate',
    contactId: seedId(SEED_BLOCK.otherContact, 3),
    propertyId: null,
    stage: 'new',
    path: [],
    assigneeUserId: null,
    estimatedValueMinor: null,
    followUpInDays: 1,
    ageDays: 1,
  },
];

/** The id of the n-th (0 = creation) stage change of a seeded lead: fixed, so history is inserted once. */
export function seedStageChangeId(lead: SeedLead, step: number): string {
  const block = lead.tenantId === DEMO_TENANT_ID ? SEED_BLOCK.demoStageChange : SEED_BLOCK.otherStageChange;
  const leadNumber = Number(lead.id.slice(-3));
  return seedId(block, leadNumber * 10 + step);
}
