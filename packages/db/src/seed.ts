import { sql } from 'drizzle-orm';
import { createDatabase, type Database } from './client.js';
import { provisionDefaultLeadStages } from './default-lead-stages.js';
import { defaultRoleId, provisionDefaultRoles } from './default-roles.js';
import { contacts } from './schema/contacts.js';
import { memberships } from './schema/memberships.js';
import { smsConsents } from './schema/messaging.js';
import { userRoles } from './schema/rbac.js';
import { tenants } from './schema/tenants.js';
import { users } from './schema/users.js';
import { seedCrmContactsOf, seedPipelineOf } from './seed-crm.js';
import { seedContactExtras } from './seed-crm-data.js';
import { seedContacts, seedTenants, seedUsers } from './seed-data.js';
import { applySessionContext } from './session-context.js';

/**
 * Loads the deterministic demo data. Re-runnable: rows are upserted by their fixed ids, so a second run
 * restores the demo values without duplicating anything. Everything is written in a named system context
 * and, for tenant rows, inside that tenant's context, so the seed works even when the owner role is itself
 * bound by row-level security (FORCE).
 */
export async function seedDatabase(ownerUrl: string): Promise<{ tenants: number; users: number }> {
  const { db, close } = createDatabase(ownerUrl, { max: 1, applicationName: 'ontrack-seed' });
  try {
    await db.transaction(async (tx) => {
      await applySessionContext(tx, { system: 'seed' });
      for (const { memberships: _memberships, ...user } of seedUsers) {
        await tx
          .insert(users)
          .values(user)
          .onConflictDoUpdate({
            target: users.id,
            set: { email: user.email, name: user.name, locale: user.locale ?? null, updatedAt: sql`now()` },
          });
      }
    });
    for (const tenant of seedTenants) {
      await db.transaction(async (tx) => {
        await applySessionContext(tx, { tenantId: tenant.id, system: 'seed' });
        await tx
          .insert(tenants)
          .values(tenant)
          .onConflictDoUpdate({
            target: tenants.id,
            set: { ...tenant, updatedAt: sql`now()` },
          });
        await provisionDefaultRoles(tx, tenant.id);
        await provisionDefaultLeadStages(tx, tenant.id, tenant.locale);
        await seedContactsOf(tx, tenant.id);
        await seedCrmContactsOf(tx, tenant.id);
        await seedMembers(tx, tenant.id);
        await seedPipelineOf(tx, tenant.id);
      });
    }
    return { tenants: seedTenants.length, users: seedUsers.length };
  } finally {
    await close();
  }
}

async function seedMembers(tx: Database, tenantId: string): Promise<void> {
  for (const user of seedUsers) {
    for (const membership of user.memberships.filter((m) => m.tenantId === tenantId)) {
      await tx
        .insert(memberships)
        .values({
          tenantId,
          userId: user.id,
          status: 'active',
          activatedAt: new Date('2026-01-05T15:00:00Z'),
          contactId: clientContactOf(tenantId, user.id),
        })
        .onConflictDoUpdate({
          target: [memberships.tenantId, memberships.userId],
          set: { status: 'active', contactId: clientContactOf(tenantId, user.id), updatedAt: sql`now()` },
        });
      await tx.delete(userRoles).where(sql`${userRoles.tenantId} = ${tenantId} and ${userRoles.userId} = ${user.id}`);
      await tx
        .insert(userRoles)
        .values(membership.roles.map((key) => ({ tenantId, userId: user.id, roleId: defaultRoleId(tenantId, key) })));
    }
  }
}

function clientContactOf(tenantId: string, userId: string): string | null {
  return seedContacts.find((c) => c.tenantId === tenantId && c.clientUserId === userId)?.id ?? null;
}

async function seedContactsOf(tx: Database, tenantId: string): Promise<void> {
  for (const { consents, clientUserId: _client, ...contact } of seedContacts.filter((c) => c.tenantId === tenantId)) {
    const extras = seedContactExtras[contact.id];
    const values = {
      ...contact,
      companyName: extras?.companyName ?? null,
      tags: extras?.tags ?? [],
      notes: extras?.notes ?? null,
      email: contact.email ?? null,
      phone: contact.phone ?? null,
      locale: contact.locale ?? null,
    };
    await tx
      .insert(contacts)
      .values(values)
      .onConflictDoUpdate({ target: [contacts.tenantId, contacts.id], set: { ...values, updatedAt: sql`now()` } });
    // Consent history is append-only: fixed ids, inserted once.
    for (const consent of consents) {
      await tx
        .insert(smsConsents)
        .values({
          tenantId,
          id: consent.id,
          contactId: contact.id,
          phone: contact.phone ?? '',
          status: consent.status,
          method: consent.method,
          textShown: consent.text,
          recordedAt: new Date(consent.at),
        })
        .onConflictDoNothing();
    }
  }
}
