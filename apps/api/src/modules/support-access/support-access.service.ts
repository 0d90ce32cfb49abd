import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { newId } from '@ontrack/db/ids';
import { supportAccessGrants } from '@ontrack/db/schema/support-access';
import { decodeIdCursor, encodeCursor } from '@ontrack/schemas/pagination';
import {
  type SupportAccessGrantView,
  type SupportAccessListQuery,
  type SupportAccessPage,
  type SupportAccessRequest,
  type SupportAccessStatus,
} from '@ontrack/schemas/support-access';
import { sql } from 'drizzle-orm';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { problem } from '../../platform/http/problem-details.js';
import { type Actor, requestContext } from '../../platform/request-context/request-context.js';
import { type GrantWithOperator, SupportAccessRepository } from './support-access.repository.js';

const ENTITY = 'support_access_grant';

/**
 * Time-boxed, read-only access of a platform operator to one business: the operator asks (with a reason and
 * a duration), an admin of the business grants or denies, and may revoke at any time. The tenant guard
 * honours a grant only while it is `granted` and unexpired, so a revocation or expiry takes effect on the
 * operator's next request. Every step, and every request made under a grant, is in the business's log.
 */
@Injectable()
export class SupportAccessService {
  constructor(
    private readonly grants: SupportAccessRepository,
    private readonly activity: ActivityRecorder,
  ) {}

  /** The operator's request; the tenant guard has checked that the caller is a platform operator. */
  async request(body: SupportAccessRequest): Promise<SupportAccessGrantView> {
    const { tenantId, actor } = this.caller();
    // A tenant id that names no business passes the guard in operator mode (there is no membership to find).
    if (!(await this.grants.tenantExists(tenantId))) {
      throw new NotFoundException(problem(404, { detail: 'There is no business with this id.' }));
    }
    const grant = await this.grants.insert({
      tenantId,
      id: newId(),
      operatorUserId: actor.userId,
      reason: body.reason,
      requestedMinutes: body.minutes,
    });
    this.activity.record({
      entityType: ENTITY,
      entityId: grant.id,
      action: 'request',
      summary: { reason: body.reason, minutes: body.minutes },
    });
    return toView({ ...grant, operatorEmail: actor.email });
  }

  async list({ cursor, limit }: SupportAccessListQuery): Promise<SupportAccessPage> {
    const { tenantId } = this.caller();
    const beforeId = cursor === undefined ? undefined : decodeIdCursor(cursor);
    const rows = await this.grants.findPage(tenantId, beforeId, limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items: items.map(toView), nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
  }

  grant(id: string): Promise<SupportAccessGrantView> {
    const { actor } = this.caller();
    return this.decide(id, 'grant', 'requested', {
      status: 'granted',
      decidedByUserId: actor.userId,
      decidedAt: sql`now()`,
      expiresAt: sql`now() + ${supportAccessGrants.requestedMinutes} * interval '1 minute'`,
    });
  }

  deny(id: string): Promise<SupportAccessGrantView> {
    const { actor } = this.caller();
    return this.decide(id, 'deny', 'requested', {
      status: 'denied',
      decidedByUserId: actor.userId,
      decidedAt: sql`now()`,
    });
  }

  /** Ends a granted access now. `decided_by`/`decided_at` keep the grant decision; the log says who revoked. */
  revoke(id: string): Promise<SupportAccessGrantView> {
    return this.decide(id, 'revoke', 'granted', {
      status: 'revoked',
      expiresAt: sql`least(${supportAccessGrants.expiresAt}, now())`,
    });
  }

  private async decide(
    id: string,
    action: 'grant' | 'deny' | 'revoke',
    from: SupportAccessStatus,
    set: Parameters<SupportAccessRepository['transition']>[3],
  ): Promise<SupportAccessGrantView> {
    const { tenantId } = this.caller();
    const grant = await this.grants.transition(tenantId, id, from, set);
    if (!grant) {
      // Row-level security hides the grants of other businesses: their ids are simply not found.
      const current = await this.grants.findById(tenantId, id);
      if (!current) throw new NotFoundException(problem(404, { detail: 'There is no such support access request.' }));
      throw new ConflictException(
        problem(409, {
          detail: `This support access is ${current.status}; only a ${from} one can be ${PAST[action]}.`,
        }),
      );
    }
    const view = toView(grant);
    this.activity.record({
      entityType: ENTITY,
      entityId: grant.id,
      action,
      summary: {
        operatorUserId: grant.operatorUserId,
        status: [from, grant.status],
        ...(action === 'deny' ? {} : { expiresAt: view.expiresAt }),
      },
    });
    return view;
  }

  private caller(): { tenantId: string; actor: Actor } {
    const { tenant, actor } = requestContext();
    if (!tenant || !actor) throw new Error('support access is managed in a tenant request');
    return { tenantId: tenant.tenantId, actor };
  }
}

const PAST = { grant: 'granted', deny: 'denied', revoke: 'revoked' } as const;

function toView(grant: GrantWithOperator): SupportAccessGrantView {
  return {
    id: grant.id,
    operatorUserId: grant.operatorUserId,
    operatorEmail: grant.operatorEmail,
    reason: grant.reason,
    requestedMinutes: grant.requestedMinutes,
    status: grant.status,
    requestedAt: grant.requestedAt.toISOString(),
    decidedByUserId: grant.decidedByUserId,
    decidedAt: grant.decidedAt?.toISOString() ?? null,
    expiresAt: grant.expiresAt?.toISOString() ?? null,
    active: grant.status === 'granted' && grant.expiresAt !== null && grant.expiresAt.getTime() > Date.now(),
  };
}
