import { Injectable } from '@nestjs/common';
import {
  type ActivityEntry,
  type ActivityFeedQuery,
  type ActivityPage,
  decodeSeqCursor,
  type EntityTimelineParams,
  type EntityTimelineQuery,
} from '@ontrack/schemas/activity';
import { encodeCursor } from '@ontrack/schemas/pagination';
import { requestContext } from '../../platform/request-context/request-context.js';
import { type ActivityFilters, type ActivityListRow, ActivityRepository } from './activity.repository.js';

/**
 * The tenant's activity feed. Reading it is not itself recorded: the feed shows who did what, not the
 * data those actions touched (verification of the chain, which reads every entry, is — see AuditService).
 */
@Injectable()
export class ActivityService {
  constructor(private readonly activity: ActivityRepository) {}

  feed(query: ActivityFeedQuery): Promise<ActivityPage> {
    const { cursor, limit, from, to, ...filters } = query;
    const period = { from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
    return this.page({ ...filters, ...period }, { cursor, limit });
  }

  timeline(params: EntityTimelineParams, query: EntityTimelineQuery): Promise<ActivityPage> {
    return this.page({ entityType: params.entityType, entityId: params.entityId }, query);
  }

  private async page(filters: ActivityFilters, { cursor, limit }: EntityTimelineQuery): Promise<ActivityPage> {
    const tenantId = requestContext().tenant?.tenantId;
    if (!tenantId) throw new Error('the activity feed is read in a tenant request');
    // The query schema accepted the cursor, so it decodes.
    const beforeSeq = cursor === undefined ? undefined : decodeSeqCursor(cursor);
    // One row more than the page tells whether there is a next page, without a count.
    const rows = await this.activity.findPage(tenantId, filters, beforeSeq, limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toEntry),
      nextCursor: rows.length > limit && last ? encodeCursor(String(last.seq)) : null,
    };
  }
}

function toEntry(row: ActivityListRow): ActivityEntry {
  return { ...row, occurredAt: row.occurredAt.toISOString() };
}
