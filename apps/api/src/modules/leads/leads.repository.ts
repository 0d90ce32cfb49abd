import { Injectable } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { contacts } from '@ontrack/db/schema/contacts';
import { leadStageChanges, leadStages, leads, type NewLead } from '@ontrack/db/schema/leads';
import { memberships } from '@ontrack/db/schema/memberships';
import { properties } from '@ontrack/db/schema/properties';
import { users } from '@ontrack/db/schema/users';
import type { LeadListQuery } from '@ontrack/schemas/leads';
import { and, asc, desc, eq, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { currentDb } from '../../platform/db/current-transaction.js';
import { likePattern } from './leads.rules.js';

/** The columns of a lead the API shows, with its contact's name (one join, no extra query). */
const leadSelection = {
  id: leads.id,
  source: leads.source,
  requestedService: leads.requestedService,
  contactId: leads.contactId,
  contactName: contacts.displayName,
  propertyId: leads.propertyId,
  stageId: leads.stageId,
  assigneeUserId: leads.assigneeUserId,
  estimatedValueMinor: leads.estimatedValueMinor,
  currency: leads.currency,
  nextFollowUpOn: leads.nextFollowUpOn,
  lostReason: leads.lostReason,
  convertedAt: leads.convertedAt,
  notes: leads.notes,
  version: leads.version,
  createdAt: leads.createdAt,
  updatedAt: leads.updatedAt,
  deletedAt: leads.deletedAt,
};

export interface LeadRow {
  id: string;
  source: NewLead['source'];
  requestedService: string;
  contactId: string;
  contactName: string | null;
  propertyId: string | null;
  stageId: string;
  assigneeUserId: string | null;
  estimatedValueMinor: number | null;
  currency: string | null;
  nextFollowUpOn: string | null;
  lostReason: string | null;
  convertedAt: Date | null;
  notes: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

/** The writable columns of a lead (what create, PATCH, move and convert set). */
export type LeadFields = Partial<
  Pick<
    NewLead,
    | 'source'
    | 'requestedService'
    | 'contactId'
    | 'propertyId'
    | 'stageId'
    | 'assigneeUserId'
    | 'estimatedValueMinor'
    | 'currency'
    | 'nextFollowUpOn'
    | 'lostReason'
    | 'notes'
  >
> & { convertedAt?: SQL };

/** Where a keyset page starts: after this row, in the list's order. */
export interface KeysetPosition {
  sortValue: string;
  id: string;
}

export interface StageChangeRow {
  id: string;
  fromStageId: string | null;
  fromStageName: string | null;
  toStageId: string;
  toStageName: string;
  changedByUserId: string | null;
  changedByName: string | null;
  changedAt: Date;
  reason: string | null;
}

const fromStage = alias(leadStages, 'from_stage');
const toStage = alias(leadStages, 'to_stage');

/**
 * SQL of leads and their stage history, in the request's transaction (or, for the public form, the one it is
 * given). Row-level security confines every statement to the tenant — and a Property Manager to the leads on
 * the properties they manage — so an id of another tenant simply finds nothing.
 */
@Injectable()
export class LeadsRepository {
  async findById(id: string): Promise<LeadRow | undefined> {
    const [row] = await this.selectLeads().where(eq(leads.id, id));
    return row;
  }

  /** One page of the list; `limit + 1` rows tell the caller whether there is a next page. */
  async list(query: LeadListQuery, after: KeysetPosition | undefined, limit: number): Promise<LeadRow[]> {
    const conditions: (SQL | undefined)[] = [
      query.deleted === 'only' ? isNotNull(leads.deletedAt) : isNull(leads.deletedAt),
      query.stageId ? eq(leads.stageId, query.stageId) : undefined,
      query.assigneeUserId ? eq(leads.assigneeUserId, query.assigneeUserId) : undefined,
      query.contactId ? eq(leads.contactId, query.contactId) : undefined,
      query.source ? eq(leads.source, query.source) : undefined,
      query.followUpBefore ? lte(leads.nextFollowUpOn, query.followUpBefore) : undefined,
      query.q ? searchCondition(query.q) : undefined,
      after ? afterCondition(query.sort, after) : undefined,
    ];
    return this.selectLeads()
      .where(and(...conditions))
      .orderBy(...orderOf(query.sort))
      .limit(limit);
  }

  /**
   * The board's leads: the first `perStage` (+1, to know whether a column goes on) live leads of every live
   * stage, most recently touched first — one statement, a lateral index scan per column.
   */
  async firstLeadsPerStage(perStage: number): Promise<LeadRow[]> {
    const top = currentDb()
      .select(leadSelection)
      .from(leads)
      .leftJoin(contacts, and(eq(contacts.tenantId, leads.tenantId), eq(contacts.id, leads.contactId)))
      .where(and(eq(leads.tenantId, leadStages.tenantId), eq(leads.stageId, leadStages.id), isNull(leads.deletedAt)))
      .orderBy(desc(leads.updatedAt), desc(leads.id))
      .limit(perStage + 1)
      .as('top');
    return currentDb()
      .select({
        id: top.id,
        source: top.source,
        requestedService: top.requestedService,
        contactId: top.contactId,
        contactName: top.contactName,
        propertyId: top.propertyId,
        stageId: top.stageId,
        assigneeUserId: top.assigneeUserId,
        estimatedValueMinor: top.estimatedValueMinor,
        currency: top.currency,
        nextFollowUpOn: top.nextFollowUpOn,
        lostReason: top.lostReason,
        convertedAt: top.convertedAt,
        notes: top.notes,
        version: top.version,
        createdAt: top.createdAt,
        updatedAt: top.updatedAt,
        deletedAt: top.deletedAt,
      })
      .from(leadStages)
      .crossJoinLateral(top)
      .where(isNull(leadStages.archivedAt))
      .orderBy(asc(leadStages.position), desc(top.updatedAt), desc(top.id));
  }

  /** Live leads per stage and currency: a column's count is the sum of its rows, its totals one per currency. */
  async totalsPerStage(): Promise<{ stageId: string; currency: string | null; count: number; amountMinor: number }[]> {
    return currentDb()
      .select({
        stageId: leads.stageId,
        currency: leads.currency,
        count: sql<number>`count(*)::int`.mapWith(Number),
        amountMinor: sql<number>`coalesce(sum(${leads.estimatedValueMinor}), 0)::bigint`.mapWith(Number),
      })
      .from(leads)
      .where(isNull(leads.deletedAt))
      .groupBy(leads.stageId, leads.currency);
  }

  async insertLead(tenantId: string, lead: Omit<NewLead, 'tenantId'>, db: Database = currentDb()): Promise<void> {
    await db.insert(leads).values({ tenantId, ...lead });
  }

  /**
   * Changes a lead if it is still at `version` (optimistic concurrency): false when nothing was updated —
   * the caller tells "gone" from "changed meanwhile" by reading it again.
   */
  async updateLead(id: string, version: number, fields: LeadFields & { deletedAt?: SQL | null }): Promise<boolean> {
    const updated = await currentDb()
      .update(leads)
      .set({ ...fields, version: sql`${leads.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(leads.id, id), eq(leads.version, version)))
      .returning({ id: leads.id });
    return updated.length > 0;
  }

  async insertStageChange(
    tenantId: string,
    change: {
      leadId: string;
      fromStageId: string | null;
      toStageId: string;
      changedByUserId: string | null;
      reason?: string | null;
    },
    db: Database = currentDb(),
  ): Promise<void> {
    await db.insert(leadStageChanges).values({ tenantId, id: newId(), ...change, reason: change.reason ?? null });
  }

  /** A lead's stage changes, oldest first, with the stages' current names and who moved it. */
  async history(leadId: string): Promise<StageChangeRow[]> {
    return currentDb()
      .select({
        id: leadStageChanges.id,
        fromStageId: leadStageChanges.fromStageId,
        fromStageName: fromStage.name,
        toStageId: leadStageChanges.toStageId,
        toStageName: sql<string>`coalesce(${toStage.name}, '')`,
        changedByUserId: leadStageChanges.changedByUserId,
        changedByName: sql<string | null>`coalesce(nullif(${users.name}, ''), ${users.email})`,
        changedAt: leadStageChanges.changedAt,
        reason: leadStageChanges.reason,
      })
      .from(leadStageChanges)
      .leftJoin(
        fromStage,
        and(eq(fromStage.tenantId, leadStageChanges.tenantId), eq(fromStage.id, leadStageChanges.fromStageId)),
      )
      .leftJoin(
        toStage,
        and(eq(toStage.tenantId, leadStageChanges.tenantId), eq(toStage.id, leadStageChanges.toStageId)),
      )
      .leftJoin(users, eq(users.id, leadStageChanges.changedByUserId))
      .where(eq(leadStageChanges.leadId, leadId))
      .orderBy(asc(leadStageChanges.changedAt), asc(leadStageChanges.id));
  }

  /** A contact this caller can see, in or out of the trash. */
  async findContact(id: string): Promise<{ id: string; displayName: string; deletedAt: Date | null } | undefined> {
    const [row] = await currentDb()
      .select({ id: contacts.id, displayName: contacts.displayName, deletedAt: contacts.deletedAt })
      .from(contacts)
      .where(eq(contacts.id, id));
    return row;
  }

  async findProperty(
    id: string,
  ): Promise<{ id: string; contactId: string; address: string; deletedAt: Date | null } | undefined> {
    const [row] = await currentDb()
      .select({
        id: properties.id,
        contactId: properties.contactId,
        address: sql<string>`${properties.addressLine1} || ', ' || ${properties.city}`,
        deletedAt: properties.deletedAt,
      })
      .from(properties)
      .where(eq(properties.id, id));
    return row;
  }

  /** A service address created while converting a lead; the geocoding job fills its coordinates later. */
  async insertProperty(
    tenantId: string,
    property: Omit<typeof properties.$inferInsert, 'tenantId' | 'id' | 'searchText'>,
  ): Promise<string> {
    const id = newId();
    await currentDb()
      .insert(properties)
      .values({ tenantId, id, ...property });
    return id;
  }

  /**
   * An active member whose roles grant `leads:write`: who may be assigned a lead. Their name for the log;
   * undefined for anyone else (not a member, suspended, or without the permission).
   */
  async findAssignableMember(userId: string): Promise<{ userId: string; name: string } | undefined> {
    const [row] = await currentDb()
      .select({ userId: memberships.userId, name: sql<string>`coalesce(nullif(${users.name}, ''), ${users.email})` })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.userId, userId),
          eq(memberships.status, 'active'),
          sql`exists (select 1 from user_roles ur
            join role_permissions rp on rp.tenant_id = ur.tenant_id and rp.role_id = ur.role_id
            where ur.tenant_id = ${memberships.tenantId} and ur.user_id = ${memberships.userId}
              and rp.permission_key = 'leads:write')`,
        ),
      );
    return row;
  }

  /** Names of members, for the log (an assignee before and after a change). */
  async memberName(userId: string | null): Promise<string | null> {
    if (!userId) return null;
    const [row] = await currentDb()
      .select({ name: sql<string>`coalesce(nullif(${users.name}, ''), ${users.email})` })
      .from(users)
      .where(eq(users.id, userId));
    return row?.name ?? null;
  }

  private selectLeads() {
    return currentDb()
      .select(leadSelection)
      .from(leads)
      .leftJoin(contacts, and(eq(contacts.tenantId, leads.tenantId), eq(contacts.id, leads.contactId)))
      .$dynamic();
  }
}

/** Requested service, or the contact's name, email or phone (contacts.search_text: lower-cased, unaccented). */
function searchCondition(q: string): SQL {
  const pattern = likePattern(q);
  return sql`(lower(${leads.requestedService}) like ${pattern} or ${contacts.searchText} like unaccent(${pattern}))`;
}

/** Rows after the cursor's in the list's order (row comparisons match the order's directions). */
function afterCondition(sort: LeadListQuery['sort'], after: KeysetPosition): SQL {
  switch (sort) {
    case 'created':
      return sql`(${leads.createdAt}, ${leads.id}) > (${after.sortValue}::timestamptz, ${after.id}::uuid)`;
    case '-created':
      return sql`(${leads.createdAt}, ${leads.id}) < (${after.sortValue}::timestamptz, ${after.id}::uuid)`;
    case 'follow-up':
      // Nulls last: after a dated row come later dates, then every undated row; after an undated row, the rest of them.
      return after.sortValue === ''
        ? sql`(${leads.nextFollowUpOn} is null and ${leads.id} > ${after.id}::uuid)`
        : sql`((${leads.nextFollowUpOn}, ${leads.id}) > (${after.sortValue}::date, ${after.id}::uuid) or ${leads.nextFollowUpOn} is null)`;
    default:
      return sql`(${leads.updatedAt}, ${leads.id}) < (${after.sortValue}::timestamptz, ${after.id}::uuid)`;
  }
}

function orderOf(sort: LeadListQuery['sort']): SQL[] {
  switch (sort) {
    case 'created':
      return [asc(leads.createdAt), asc(leads.id)];
    case '-created':
      return [desc(leads.createdAt), desc(leads.id)];
    case 'follow-up':
      return [sql`${leads.nextFollowUpOn} asc nulls last`, asc(leads.id)];
    default:
      return [desc(leads.updatedAt), desc(leads.id)];
  }
}

/** The cursor value of a row in a sort: what `afterCondition` compares against. */
export function sortValueOf(sort: LeadListQuery['sort'], row: LeadRow): string {
  switch (sort) {
    case 'created':
    case '-created':
      return row.createdAt.toISOString();
    case 'follow-up':
      return row.nextFollowUpOn ?? '';
    default:
      return row.updatedAt.toISOString();
  }
}
