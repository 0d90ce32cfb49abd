import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { defaultLeadStageId } from './default-lead-stages.js';
import { contacts } from './schema/contacts.js';
import { leadStageChanges, leads } from './schema/leads.js';
import { properties, propertyAccess, propertyManagers } from './schema/properties.js';
import { SEED_TODAY, seedCrmContacts, seedProperties, seedPropertyManagers } from './seed-crm-data.js';
import { seedLeads, seedStageChangeId } from './seed-leads-data.js';

const DAY_MS = 86_400_000;
const today = Date.parse(`${SEED_TODAY}T15:00:00Z`);
const daysFromToday = (days: number) => new Date(today + days * DAY_MS);

/** The contacts issue's demo contacts (upserted: a re-run restores them). */
export async function seedCrmContactsOf(tx: Database, tenantId: string): Promise<void> {
  for (const contact of seedCrmContacts.filter((c) => c.tenantId === tenantId)) {
    const values = {
      ...contact,
      companyName: contact.companyName ?? null,
      email: contact.email ?? null,
      phone: contact.phone ?? null,
      emails: contact.emails ?? [],
      phones: contact.phones ?? [],
      notes: contact.notes ?? null,
      locale: contact.locale ?? null,
    };
    await tx
      .insert(contacts)
      .values(values)
      .onConflictDoUpdate({ target: [contacts.tenantId, contacts.id], set: { ...values, updatedAt: sql`now()` } });
  }
}

/** Properties, their access details, property-manager links, leads and their stage history. Run after members. */
export async function seedPipelineOf(tx: Database, tenantId: string): Promise<void> {
  for (const { gateCode, accessNotes, ...property } of seedProperties.filter((p) => p.tenantId === tenantId)) {
    const values = {
      ...property,
      label: property.label ?? null,
      addressLine2: property.addressLine2 ?? null,
      notes: property.notes ?? null,
      geocodeStatus: 'ok' as const,
      geocodedAt: daysFromToday(-60),
    };
    await tx
      .insert(properties)
      .values(values)
      .onConflictDoUpdate({ target: [properties.tenantId, properties.id], set: { ...values, updatedAt: sql`now()` } });
    if (gateCode || accessNotes) {
      const access = {
        tenantId,
        propertyId: property.id,
        gateCode: gateCode ?? null,
        accessNotes: accessNotes ?? null,
      };
      await tx
        .insert(propertyAccess)
        .values(access)
        .onConflictDoUpdate({
          target: [propertyAccess.tenantId, propertyAccess.propertyId],
          set: { ...access, updatedAt: sql`now()` },
        });
    }
  }
  const managers = seedPropertyManagers.filter((link) => link.tenantId === tenantId);
  if (managers.length > 0) await tx.insert(propertyManagers).values(managers).onConflictDoNothing();

  for (const lead of seedLeads.filter((l) => l.tenantId === tenantId)) {
    const createdAt = daysFromToday(-lead.ageDays);
    const moves = [...lead.path, lead.stage];
    // One day between moves, the last one at most a day ago.
    const movedAt = (step: number) =>
      new Date(Math.min(createdAt.getTime() + step * DAY_MS, today - DAY_MS + step * 60_000));
    const values = {
      tenantId,
      id: lead.id,
      source: lead.source,
      requestedService: lead.requestedService,
      contactId: lead.contactId,
      propertyId: lead.propertyId,
      stageId: defaultLeadStageId(tenantId, lead.stage),
      assigneeUserId: lead.assigneeUserId,
      estimatedValueMinor: lead.estimatedValueMinor,
      currency: lead.estimatedValueMinor === null ? null : 'USD',
      nextFollowUpOn:
        lead.followUpInDays === null ? null : daysFromToday(lead.followUpInDays).toISOString().slice(0, 10),
      lostReason: lead.lostReason ?? null,
      convertedAt: lead.converted ? movedAt(moves.length - 1) : null,
      notes: lead.notes ?? null,
      createdAt,
      updatedAt: movedAt(moves.length - 1),
    };
    await tx
      .insert(leads)
      .values(values)
      .onConflictDoUpdate({ target: [leads.tenantId, leads.id], set: { ...values, version: 1 } });
    // History is append-only: fixed ids, inserted once.
    await tx
      .insert(leadStageChanges)
      .values(
        moves.map((stage, step) => ({
          tenantId,
          id: seedStageChangeId(lead, step),
          leadId: lead.id,
          fromStageId: step === 0 ? null : defaultLeadStageId(tenantId, moves[step - 1] as string),
          toStageId: defaultLeadStageId(tenantId, stage),
          changedByUserId: step === 0 ? null : lead.assigneeUserId,
          changedAt: movedAt(step),
          reason: stage === 'lost' ? (lead.lostReason ?? null) : null,
        })),
      )
      .onConflictDoNothing();
  }
}
