import { describe, expect, it } from 'vitest';
import type { LeadRow } from './leads.repository.js';
import { invalidField, leadLabel, likePattern, seesWholeTenant, toLeadView } from './leads.rules.js';

const row: LeadRow = {
  id: '01970000-0000-7000-8000-000000040001',
  source: 'phone',
  requestedService: 'Weekly mowing',
  contactId: '01970000-0000-7000-8000-000000001001',
  contactName: 'Dana Whitfield',
  propertyId: null,
  stageId: '01970000-0000-7000-8000-000000000777',
  assigneeUserId: null,
  estimatedValueMinor: 125_000,
  currency: 'USD',
  nextFollowUpOn: '2026-03-17',
  lostReason: null,
  convertedAt: null,
  notes: null,
  version: 3,
  createdAt: new Date('2026-03-16T15:00:00.123Z'),
  updatedAt: new Date('2026-03-16T16:00:00Z'),
  deletedAt: null,
};

describe('lead rules', () => {
  it('shows money as minor units with their currency, or null when there is none', () => {
    expect(toLeadView(row)).toMatchObject({
      estimatedValue: { amountMinor: 125_000, currency: 'USD' },
      contact: { id: row.contactId, displayName: 'Dana Whitfield' },
      createdAt: '2026-03-16T15:00:00.123Z',
      deletedAt: null,
    });
    expect(toLeadView({ ...row, estimatedValueMinor: null, currency: null }).estimatedValue).toBeNull();
  });

  it('names a lead by its service and contact for the activity log', () => {
    expect(leadLabel(row)).toBe('Weekly mowing — Dana Whitfield');
    expect(leadLabel({ ...row, contactName: null })).toBe('Weekly mowing');
  });

  it('escapes LIKE wildcards in search text', () => {
    expect(likePattern('50% Off_Now\\')).toBe('%50\\% off\\_now\\\\%');
  });

  it('answers 422 pointing at the field to fix, nested fields included', () => {
    const problem = invalidField('property.city', 'is required', 'required').getResponse();
    expect(problem).toMatchObject({
      status: 422,
      detail: 'city is required.',
      errors: [{ in: 'body', pointer: '#/property/city', field: 'property.city', code: 'required' }],
    });
  });

  it('tells whole-business roles from narrowed ones', () => {
    expect(seesWholeTenant({ scopes: ['tenant'] })).toBe(true);
    expect(seesWholeTenant({ scopes: ['managed_properties'] })).toBe(false);
  });
});
