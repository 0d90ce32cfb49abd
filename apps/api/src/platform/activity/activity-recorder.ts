import { Injectable } from '@nestjs/common';
import { requestContext } from '../request-context/request-context.js';

export interface ActivityRecord {
  entityType: string;
  entityId?: string | null;
  /** `create`, `update`, `delete`, `read` (for sensitive reads), or a domain verb (`grant`, `approve`, ...). */
  action: string;
  /** What changed (`{ field: [before, after] }`) or, for reads, what was read (filters, row count). */
  summary?: Record<string, unknown>;
  /** Exports, reports and other reads of sensitive data. */
  sensitiveRead?: boolean;
}

/**
 * Services call `record()` for every write (and every sensitive read). The entry gets the actor, tenant,
 * request id, IP and user agent from the request context, waits in it, and is appended to the tenant's
 * hash chain as the last statement of the request transaction — so it exists if and only if the write
 * committed, and the per-tenant chain lock is held for as short a time as possible.
 */
@Injectable()
export class ActivityRecorder {
  record(entry: ActivityRecord): void {
    const context = requestContext();
    const tenant = context.tenant;
    const actor = context.actor;
    if (!tenant || !actor) throw new Error('activity can only be recorded in a tenant request');
    context.activity.push({
      tenantId: tenant.tenantId,
      actorType: actor.kind,
      actorUserId: actor.userId,
      actorLabel: actor.email || actor.userId,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      action: entry.action,
      summary: entry.summary ?? {},
      sensitiveRead: entry.sensitiveRead ?? false,
      requestId: context.requestId,
      ip: context.ip ?? null,
      userAgent: context.userAgent ?? null,
    });
  }
}
