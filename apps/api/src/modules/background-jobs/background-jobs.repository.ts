import { Injectable } from '@nestjs/common';
import { type OutboxEvent, outbox } from '@ontrack/db/schema/outbox';
import type { BackgroundJobPosition, BackgroundJobStatus } from '@ontrack/schemas/background-jobs';
import { and, desc, eq, lte, sql } from 'drizzle-orm';
import { currentDb } from '../../platform/db/current-transaction.js';

export interface BackgroundJobFilter {
  status: BackgroundJobStatus;
  job?: string;
  /** The page starts after this event (exclusive). */
  after?: BackgroundJobPosition;
}

/** Outbox events of the request's business. Row-level security hides every other business's events. */
@Injectable()
export class BackgroundJobsRepository {
  /** Newest first by (created_at, id), which follows the (tenant_id, status, created_at) index. */
  async findPage(tenantId: string, filter: BackgroundJobFilter, limit: number): Promise<OutboxEvent[]> {
    const { after } = filter;
    return currentDb()
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.tenantId, tenantId),
          eq(outbox.status, filter.status),
          filter.job === undefined ? undefined : eq(outbox.job, filter.job),
          // The redundant bound on created_at alone lets the index range scan start at the cursor.
          after === undefined ? undefined : lte(outbox.createdAt, new Date(after.createdAt)),
          after === undefined
            ? undefined
            : sql`(${outbox.createdAt}, ${outbox.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
        ),
      )
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(limit);
  }

  async findById(tenantId: string, id: string): Promise<OutboxEvent | undefined> {
    const [row] = await currentDb()
      .select()
      .from(outbox)
      .where(and(eq(outbox.tenantId, tenantId), eq(outbox.id, id)));
    return row;
  }

  /**
   * Puts a dead event back in line: due now, not leased, a fresh set of attempts; last_error stays for
   * context until a try succeeds. One statement conditioned on `dead`, so two admins retrying at once (or a
   * retry racing anything else) change it once: undefined when it is not (or no longer) dead.
   */
  async requeueDead(tenantId: string, id: string): Promise<OutboxEvent | undefined> {
    const [row] = await currentDb()
      .update(outbox)
      .set({ status: 'pending', availableAt: sql`now()`, attempts: 0, leasedUntil: null })
      .where(and(eq(outbox.tenantId, tenantId), eq(outbox.id, id), eq(outbox.status, 'dead')))
      .returning();
    return row;
  }
}
