import {
  CONTACT_KINDS,
  GEOCODE_STATUSES,
  LEAD_SOURCES,
  LEAD_STAGE_KINDS,
  normalizeEmail,
  normalizePhone,
  normalizeTag,
} from '@ontrack/schemas/crm-constants';
import { describe, expect, it } from 'vitest';
import { contactKind } from './schema/contacts.js';
import { leadSource, leadStageKind } from './schema/leads.js';
import { geocodeStatus } from './schema/properties.js';
import { seedCrmContacts, seedProperties } from './seed-crm-data.js';
import { seedContacts } from './seed-data.js';
import { seedLeads } from './seed-leads-data.js';

describe('database enums of contacts, properties and leads', () => {
  it('list the same values as @ontrack/schemas/crm-constants', () => {
    expect(contactKind.enumValues).toEqual([...CONTACT_KINDS]);
    expect(leadSource.enumValues).toEqual([...LEAD_SOURCES]);
    expect(leadStageKind.enumValues).toEqual([...LEAD_STAGE_KINDS]);
    expect(geocodeStatus.enumValues).toEqual([...GEOCODE_STATUSES]);
  });
});

describe('the demo seed of contacts and leads', () => {
  const contacts = [...seedContacts, ...seedCrmContacts];

  it('stores addresses normalised, as the API would', () => {
    for (const contact of seedCrmContacts) {
      for (const email of [contact.email, ...(contact.emails ?? [])].filter(Boolean) as string[]) {
        expect(email).toBe(normalizeEmail(email));
      }
      for (const phone of [contact.phone, ...(contact.phones ?? [])].filter(Boolean) as string[]) {
        expect(normalizePhone(phone)).toBe(phone);
      }
      for (const tag of contact.tags) expect(tag).toBe(normalizeTag(tag));
    }
  });

  it('has unique ids and 40 demo contacts', () => {
    const ids = [...contacts.map((c) => c.id), ...seedProperties.map((p) => p.id), ...seedLeads.map((l) => l.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(contacts.filter((c) => c.tenantId === seedContacts[0]?.tenantId)).toHaveLength(40);
  });

  it('puts every lead on a property of its own contact, in the same tenant', () => {
    for (const lead of seedLeads) {
      expect(contacts.find((c) => c.id === lead.contactId)?.tenantId).toBe(lead.tenantId);
      if (lead.propertyId) {
        const property = seedProperties.find((p) => p.id === lead.propertyId);
        expect({ lead: lead.id, contact: property?.contactId }).toEqual({ lead: lead.id, contact: lead.contactId });
      }
      expect(lead.stage === 'lost').toBe(Boolean(lead.lostReason));
    }
  });
});
