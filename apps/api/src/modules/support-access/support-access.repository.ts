import { Injectable } from '@nestjs/common';
import { type SupportAccessGrant, supportAccessGrants } from '@ontrack/db/schema/support-access';
import { tenants } from '@ontrack/db/schema/tenants';
import type { SupportAccessStatus } from '@ontrack/schemas/support-access';
import { and, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import { currentDb } from '../../platform/db/current-transaction.js';

export type GrantWithOperator = SupportAccessGrant & { operatorEmail: string | null };

/**
 * The operator's email as recorded with their request. The users row itself is not readable here: an
 * operator is a member of no tenant, so the users policy hides them from the tenant's admins. The columns
 * are qualified by hand: Drizzle writes them bare, which inside this subquery would mean activity_log's.
 */
const operatorEmail = sql<string | null>`(
  select a.actor_label from activity_log a
  where a.tenant_id = support_access_grants.tenant_id and a.entity_type = 'support_access_grant'
    and a.entity_id = support_access_grants.id::text and a.action = 'request'
  order by a.seq limit 1)`;

const grantColumns = {
  tenantId: supportAccessGrants.tenantId,
  id: supportAccessGrants.id,
  operatorUserId: supportAccessGrants.operatorUserId,
  reason: supportAccessGrants.reason,
  requestedMinutes: supportAccessGrants.requestedMinutes,
  status: supportAccessGrants.status,
  requestedAt: supportAccessGrants.requestedAt,
  decidedByUserId: supportAccessGrants.decidedByUserId,
  decidedAt: supportAccessGrants.decidedAt,
  expiresAt: supportAccessGrants.expiresAt,
};

@Injectable()
export class SupportAccessRepository {
  async tenantExists(tenantId: string): Promise<boolean> {
    const [row] = await currentDb().select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId));
    return row !== undefined;
  }

  async insert(grant: {
    tenantId: string;
    id: string;
    operatorUserId: string;
    reason: string;
    requestedMinutes: number;
  }): Promise<SupportAccessGrant> {
    const [row] = await currentDb().insert(supportAccessGrants).values(grant).returning();
    if (!row) throw new Error('inserting the support access request returned no row');
    return row;
  }

  /** Newest first (ids are UUIDv7, so id order is creation order), after the grant `beforeId`. */
  async findPage(tenantId: string, beforeId: string | undefined, limit: number): Promise<GrantWithOperator[]> {
    return currentDb()
      .select({ ...grantColumns, operatorEmail })
      .from(supportAccessGrants)
      .where(
        and(
          eq(supportAccessGrants.tenantId, tenantId),
          beforeId === undefined ? undefined : lt(supportAccessGrants.id, beforeId),
        ),
      )
      .orderBy(desc(supportAccessGrants.id))
      .limit(limit);
  }

  async findById(tenantId: string, id: string): Promise<GrantWithOperator | undefined> {
    const [row] = await currentDb()
      .select({ ...grantColumns, operatorEmail })
      .from(supportAccessGrants)
      .where(and(eq(supportAccessGrants.tenantId, tenantId), eq(supportAccessGrants.id, id)));
    return row;
  }

  /**
   * Moves a grant from `from` to another state in one statement, so two admins deciding at once cannot both
   * succeed: undefined when the grant does not exist or is no longer in state `from`.
   */
  async transition(
    tenantId: string,
    id: string,
    from: SupportAccessStatus,
    set: { status: SupportAccessStatus; decidedByUserId?: string; decidedAt?: SQL; expiresAt?: SQL },
  ): Promise<GrantWithOperator | undefined> {
    const [row] = await currentDb()
      .update(supportAccessGrants)
      .set(set)
      .where(
        and(
          eq(supportAccessGrants.tenantId, tenantId),
          eq(supportAccessGrants.id, id),
          eq(supportAccessGrants.status, from),
        ),
      )
      .returning({ ...grantColumns, operatorEmail });
    return row;
  }
}
