import { Injectable } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { contacts, type NewContact } from '@ontrack/db/schema/contacts';
import { smsConsents } from '@ontrack/db/schema/messaging';
import { type NewProperty, properties } from '@ontrack/db/schema/properties';
import { type Tenant, tenants } from '@ontrack/db/schema/tenants';
import { and, arrayOverlaps, asc, eq, isNull, sql } from 'drizzle-orm';

export type Business = Pick<Tenant, 'id' | 'name' | 'locale'>;

export interface MatchedContact {
  id: string;
  displayName: string;
}

export interface OfficeRecipient {
  userId: string;
  email: string;
  name: string;
  locale: string | null;
}

/**
 * SQL of the public request form. Nobody is signed in: every method runs in the transaction the service opens
 * in the named system context `public-request`, first without a tenant (the slug lookup), then in the
 * business's (RLS still confines every row to it).
 */
@Injectable()
export class PublicRequestsRepository {
  async findBusiness(db: Database, slug: string): Promise<Business | undefined> {
    const [row] = await db
      .select({ id: tenants.id, name: tenants.name, locale: tenants.locale })
      .from(tenants)
      .where(eq(tenants.slug, slug));
    return row;
  }

  /**
   * The contact who already has one of these emails or phones (contacts.match_keys, one GIN lookup): the
   * oldest live one, so repeated requests from one person gather on one contact.
   */
  async matchContact(db: Database, keys: readonly string[]): Promise<MatchedContact | undefined> {
    const [row] = await db
      .select({ id: contacts.id, displayName: contacts.displayName })
      .from(contacts)
      .where(and(arrayOverlaps(contacts.matchKeys, [...keys]), isNull(contacts.deletedAt)))
      .orderBy(asc(contacts.createdAt), asc(contacts.id))
      .limit(1);
    return row;
  }

  async insertContact(db: Database, contact: Omit<NewContact, 'id' | 'matchKeys' | 'searchText'>): Promise<string> {
    const id = newId();
    await db.insert(contacts).values({ ...contact, id });
    return id;
  }

  /** The contact's live property at this street address, if they gave it before (compared without case). */
  async findPropertyOf(
    db: Database,
    contactId: string,
    addressLine1: string,
    city: string,
  ): Promise<string | undefined> {
    const [row] = await db
      .select({ id: properties.id })
      .from(properties)
      .where(
        and(
          eq(properties.contactId, contactId),
          sql`lower(${properties.addressLine1}) = lower(${addressLine1})`,
          sql`lower(${properties.city}) = lower(${city})`,
          isNull(properties.deletedAt),
        ),
      )
      .limit(1);
    return row?.id;
  }

  async insertProperty(db: Database, property: Omit<NewProperty, 'id' | 'searchText'>): Promise<string> {
    const id = newId();
    await db.insert(properties).values({ ...property, id });
    return id;
  }

  async insertSmsConsent(db: Database, consent: Omit<typeof smsConsents.$inferInsert, 'id'>): Promise<string> {
    const id = newId();
    await db.insert(smsConsents).values({ ...consent, id });
    return id;
  }

  /**
   * Who hears of a new request: active members whose whole-business roles grant `leads:write` (Admins and
   * Office Staff by default). A Property Manager also works leads, but only on the properties they manage,
   * and a request from the public form is not theirs to see.
   */
  async officeRecipients(db: Database): Promise<OfficeRecipient[]> {
    const rows = await db.execute<{ user_id: string; email: string; name: string; locale: string | null }>(sql`
      select u.id as user_id, u.email, coalesce(nullif(u.name, ''), u.email) as name, u.locale
      from memberships m
      join users u on u.id = m.user_id
      where m.status = 'active' and exists (
        select 1 from user_roles ur
        join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
        join role_permissions rp on rp.tenant_id = ur.tenant_id and rp.role_id = ur.role_id
        where ur.tenant_id = m.tenant_id and ur.user_id = m.user_id
          and r.scope = 'tenant' and rp.permission_key = 'leads:write')
      order by u.email`);
    return [...rows].map((row) => ({ userId: row.user_id, email: row.email, name: row.name, locale: row.locale }));
  }
}
