import type { KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type ChainHead, readChainHead } from '@ontrack/db/activity-chain';
import { type VerifyChainResult, verifyChain } from '@ontrack/db/activity-chain-verify';
import { type ActivityRow, activityLog } from '@ontrack/db/schema/activity';
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { currentDb } from '../../platform/db/current-transaction.js';
import { checkpointLock } from './checkpoint-lock.js';

export interface ActivityFilters {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  sensitiveRead?: boolean;
}

export type ActivityListRow = Omit<ActivityRow, 'tenantId' | 'prevHash' | 'hash'>;

const listColumns = {
  id: activityLog.id,
  seq: activityLog.seq,
  occurredAt: activityLog.occurredAt,
  actorType: activityLog.actorType,
  actorUserId: activityLog.actorUserId,
  actorLabel: activityLog.actorLabel,
  entityType: activityLog.entityType,
  entityId: activityLog.entityId,
  action: activityLog.action,
  summary: activityLog.summary,
  sensitiveRead: activityLog.sensitiveRead,
  requestId: activityLog.requestId,
  ip: activityLog.ip,
  userAgent: activityLog.userAgent,
};

@Injectable()
export class ActivityRepository {
  /**
   * Up to `limit` entries of the tenant with seq below `beforeSeq`, newest first. Row-level security already
   * limits the rows to the request's tenant; naming it as well lets every query use an index led by tenant_id.
   */
  async findPage(
    tenantId: string,
    filters: ActivityFilters,
    beforeSeq: number | undefined,
    limit: number,
  ): Promise<ActivityListRow[]> {
    const conditions: (SQL | undefined)[] = [
      eq(activityLog.tenantId, tenantId),
      beforeSeq === undefined ? undefined : lt(activityLog.seq, beforeSeq),
      filters.entityType === undefined ? undefined : eq(activityLog.entityType, filters.entityType),
      filters.entityId === undefined ? undefined : eq(activityLog.entityId, filters.entityId),
      filters.actorUserId === undefined ? undefined : eq(activityLog.actorUserId, filters.actorUserId),
      filters.action === undefined ? undefined : eq(activityLog.action, filters.action),
      filters.from === undefined ? undefined : gte(activityLog.occurredAt, filters.from),
      filters.to === undefined ? undefined : lt(activityLog.occurredAt, filters.to),
      filters.sensitiveRead === undefined ? undefined : eq(activityLog.sensitiveRead, filters.sensitiveRead),
    ];
    return currentDb()
      .select(listColumns)
      .from(activityLog)
      .where(and(...conditions))
      .orderBy(desc(activityLog.seq))
      .limit(limit);
  }

  /**
   * Walks the tenant's chain (see verifyChain) while holding the checkpoint lock shared, so no checkpoint
   * appears mid-walk. `storedHead` is the chain's last entry as stored, read after the walk.
   */
  async verify(
    tenantId: string,
    publicKeys: ReadonlyMap<string, KeyObject> | undefined,
  ): Promise<{ result: VerifyChainResult; storedHead: ChainHead }> {
    const db = currentDb();
    await db.execute(checkpointLock(tenantId, 'shared'));
    const result = await verifyChain(db, tenantId, { publicKeys });
    return { result, storedHead: await readChainHead(db, tenantId) };
  }
}
