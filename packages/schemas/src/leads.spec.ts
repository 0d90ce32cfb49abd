import { describe, expect, it } from 'vitest';
import { createLeadSchema, moneySchema, publicLeadRequestSchema } from './leads.js';
import { createPropertySchema } from './properties.js';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

const contactId = '01970000-0000-7000-8000-000000001001';

describe('money', () => {
  it('is whole minor units of a known currency', () => {
    expect(moneySchema.parse({ amountMinor: 125_000, currency: 'USD' })).toEqual({
      amountMinor: 125_000,
      currency: 'USD',
    });
    expect(issuesOf(moneySchema.safeParse({ amountMinor: 12.5, currency: 'usd' }))).toEqual([
      'amountMinor: must be a whole number of cents',
      'currency: must be an ISO 4217 code such as USD',
    ]);
    expect(issuesOf(moneySchema.safeParse({ amountMinor: 1, currency: 'XYZ' }))).toEqual([
      'currency: is not a known ISO 4217 currency',
    ]);
  });
});

describe('createLeadSchema', () => {
  it('fills defaults and checks the follow-up date', () => {
    expect(createLeadSchema.parse({ source: 'phone', requestedService: 'Mowing', contactId })).toEqual({
      source: 'phone',
      requestedService: 'Mowing',
      contactId,
      propertyId: null,
      assigneeUserId: null,
      estimatedValue: null,
      nextFollowUpOn: null,
      notes: null,
    });
    expect(
      issuesOf(
        createLeadSchema.safeParse({ source: 'fax', requestedService: 'x', contactId, nextFollowUpOn: '16/03/2026' }),
      ),
    ).toEqual([
      'source: must be one of web_form, phone, email, referral, walk_in, other',
      'nextFollowUpOn: must be a date like 2026-03-16',
    ]);
  });
});

describe('publicLeadRequestSchema', () => {
  it('needs a way to answer, and a phone for SMS consent', () => {
    expect(
      issuesOf(publicLeadRequestSchema.safeParse({ name: 'A', requestedService: 'Mowing', smsConsent: true })),
    ).toEqual(['email: give an email or a phone number', 'phone: is needed to receive text messages']);
    expect(
      publicLeadRequestSchema.parse({ name: 'A', requestedService: 'Mowing', phone: '512-555-0123' }),
    ).toMatchObject({ phone: '+15125550123', email: null, website: '' });
  });
});

describe('createPropertySchema', () => {
  it('upper-cases the country and turns empty optional lines into null', () => {
    expect(
      createPropertySchema.parse({
        contactId,
        addressLine1: '4702 Avenue H',
        city: 'Austin',
        country: 'us',
        region: '',
      }),
    ).toMatchObject({ country: 'US', region: null, label: null });
    expect(
      issuesOf(createPropertySchema.safeParse({ contactId, addressLine1: '', city: 'Austin', country: 'USA' })),
    ).toEqual(['addressLine1: must not be empty', 'country: must be a two-letter country code such as US']);
  });
});
