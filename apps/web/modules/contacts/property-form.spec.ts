import type { PropertyView } from '@ontrack/schemas/properties';
import { describe, expect, it } from 'vitest';
import { addressLine } from './contact-display';
import {
  checkPropertyDraft,
  createPropertyBody,
  emptyPropertyDraft,
  propertyDraftOf,
  propertyPatch,
} from './property-form';

const CONTACT = '01970000-0000-7000-8000-000000001005';

const saved: PropertyView = {
  id: '01970000-0000-7000-8000-000000030001',
  contactId: CONTACT,
  label: 'Home',
  addressLine1: '12 Oak St',
  addressLine2: null,
  city: 'Austin',
  region: 'TX',
  postalCode: '78701',
  country: 'US',
  latitude: 30.27,
  longitude: -97.74,
  geocodeStatus: 'ok',
  geocodedAt: '2026-03-01T10:00:00Z',
  notes: null,
  access: { gateCode: '1234', accessNotes: null, updatedAt: '2026-03-01T10:00:00Z' },
  version: 2,
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-01T10:00:00Z',
  deletedAt: null,
};

describe('the property form', () => {
  it('asks for the street, the city and a two-letter country', () => {
    expect(checkPropertyDraft(emptyPropertyDraft())).toEqual({
      addressLine1: 'addressRequired',
      city: 'cityRequired',
    });
    expect(checkPropertyDraft({ ...emptyPropertyDraft(), addressLine1: 'a', city: 'b', country: 'USA' })).toEqual({
      country: 'countryInvalid',
    });
  });

  it('sends the access block only to people who may write it, and only when filled', () => {
    const draft = { ...emptyPropertyDraft(), addressLine1: ' 1 Elm ', city: 'Austin', country: 'us', gateCode: '#42' };
    expect(createPropertyBody(CONTACT, draft, true)).toEqual({
      contactId: CONTACT,
      label: null,
      addressLine1: '1 Elm',
      addressLine2: null,
      city: 'Austin',
      region: null,
      postalCode: null,
      country: 'US',
      notes: null,
      access: { gateCode: '#42', accessNotes: null },
    });
    expect(createPropertyBody(CONTACT, draft, false)).not.toHaveProperty('access');
    expect(createPropertyBody(CONTACT, { ...draft, gateCode: '' }, true)).not.toHaveProperty('access');
  });

  it('patches only what changed', () => {
    expect(propertyPatch(saved, propertyDraftOf(saved), true)).toBeUndefined();
    expect(propertyPatch(saved, { ...propertyDraftOf(saved), city: 'Round Rock', label: '' }, false)).toEqual({
      city: 'Round Rock',
      label: null,
    });
    expect(propertyPatch(saved, { ...propertyDraftOf(saved), accessNotes: 'Side gate' }, true)).toEqual({
      access: { gateCode: '1234', accessNotes: 'Side gate' },
    });
    // Without the permission, the (absent) access block is never sent.
    expect(propertyPatch({ ...saved, access: undefined }, propertyDraftOf(saved), false)).toBeUndefined();
  });

  it('writes an address on one line', () => {
    expect(addressLine(saved)).toBe('12 Oak St, Austin, TX 78701');
    expect(addressLine({ ...saved, addressLine2: 'Unit 4', region: null })).toBe('12 Oak St, Unit 4, Austin, 78701');
  });
});
