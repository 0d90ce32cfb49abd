import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { DatabaseHandle } from '@ontrack/db/client';
import { type Permission, SUPPORT_PERMISSIONS } from '@ontrack/schemas/permissions';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC } from '../auth/public.decorator.js';
import { findLiveSession, type LiveSession } from '../auth/session-liveness.js';
import { DATABASE } from '../db/database.module.js';
import { RequestTransaction } from '../db/request-transaction.js';
import { problem } from '../http/problem-details.js';
import { RateLimiter } from '../rate-limit/rate-limiter.js';
import { type RequestContext, requestContext } from '../request-context/request-context.js';
import { AccessCache, type AccessReadTicket } from './access-cache.js';
import { type MemberAccess, TenancyRepository } from './tenancy.repository.js';
import { TENANT_MODE, type TenantMode } from './tenant-mode.decorator.js';

export const TENANT_HEADER = 'x-tenant-id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/**
 * Which tenant, and may this user act in it. Opens the request transaction (all database work of the
 * request runs in it) with the user and the requested tenant set, then loads the membership, roles and
 * permissions inside it — or takes them from the AccessCache, which forgets them as soon as they change.
 * 403 when the user has no active membership there — the same answer whether the
 * tenant exists or not, so ids and slugs of other tenants cannot be probed. A platform operator with a
 * live support grant of the tenant gets read-only access, recorded in the tenant's activity log.
 */
@Injectable()
export class TenantGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tenancy: TenancyRepository,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly limits: RateLimiter,
    private readonly access: AccessCache,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const targets = [execution.getHandler(), execution.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const mode = this.reflector.getAllAndOverride<TenantMode>(TENANT_MODE, targets) ?? 'member';
    const context = requestContext();
    const actor = context.actor;
    if (!actor) throw new Error('TenantGuard runs after AuthGuard: no actor in the request context');

    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const knownTenantId = mode === 'none' ? undefined : tenantIdWithoutLookup(request, context);
    // The common case: a member naming the tenant by id, whose session and membership this process has read
    // recently (AccessCache: forgotten as soon as either changes). Then nothing is awaited here at all, and
    // BEGIN, the settings and the handler's first statement travel in ONE round trip.
    if (mode === 'member' && knownTenantId) {
      const member = this.cachedAccess(knownTenantId, actor.userId, context.sessionId);
      if (member) {
        context.transaction = await RequestTransaction.open(this.database.sql, {
          userId: actor.userId,
          tenantId: knownTenantId,
          roles: member.roles,
          scopes: member.scopes,
        });
        return this.grantMember(context, knownTenantId, member);
      }
    }

    // Otherwise BEGIN, the settings, the session check and the membership lookup travel in one round trip
    // (postgres.js pipelines them on the request's connection) when the tenant is known by id; a slug or no
    // tenant at all costs lookups. What was read is remembered unless it changed meanwhile (the ticket).
    const ticket = this.access.beginRead();
    const transaction = await RequestTransaction.open(this.database.sql, {
      userId: actor.userId,
      tenantId: knownTenantId,
    });
    context.transaction = transaction;
    // A signed-out or timed-out session is refused without a round trip of its own.
    const session = this.liveSession(transaction, context, ticket);

    if (mode === 'none') {
      const [email] = await Promise.all([this.tenancy.findUserEmail(transaction, actor.userId), session]);
      actor.email = email ?? '';
      return true;
    }

    let tenantId: string;
    let member: MemberAccess | undefined;
    let live: LiveSession | undefined;
    if (knownTenantId) {
      tenantId = knownTenantId;
      [live, member] = await Promise.all([session, this.tenancy.loadMemberAccess(transaction, tenantId, actor.userId)]);
    } else {
      [tenantId, live] = await Promise.all([this.resolveTenantId(request, context), session]);
      await transaction.applySettings({ tenantId, userId: actor.userId });
      member = await this.tenancy.loadMemberAccess(transaction, tenantId, actor.userId);
    }
    // A client-portal sign-in (a link scoped to one business) acts in that business only.
    if (live?.portalTenantId && live.portalTenantId !== tenantId) {
      throw noAccess('This sign-in is for another business’s client portal only.');
    }
    if (member?.status === 'active' && mode === 'member') {
      this.access.rememberMember(ticket, tenantId, actor.userId, member);
      return this.grantMember(context, tenantId, member);
    }

    const operator = member ? undefined : await this.tenancy.findOperator(transaction, tenantId, actor.userId);
    if (operator && mode === 'operator') {
      actor.email = operator.email;
      context.tenant = { tenantId, roles: [], scopes: [], permissions: new Set<Permission>() };
      await this.limits.consume('tenant:api', tenantId);
      return true;
    }
    if (operator?.grantId && mode === 'member') {
      actor.email = operator.email;
      actor.kind = 'support';
      context.tenant = {
        tenantId,
        roles: ['support'],
        scopes: ['tenant'],
        permissions: new Set(SUPPORT_PERMISSIONS),
        supportGrantId: operator.grantId,
      };
      await transaction.applySettings({ tenantId, userId: actor.userId, roles: ['support'], scopes: ['tenant'] });
      await this.limits.consume('tenant:api', tenantId);
      return true;
    }
    throw noAccess();
  }

  /** The membership, when the cache knows both it and the session (if the token names one) to be live. */
  private cachedAccess(tenantId: string, userId: string, sessionId: string | undefined): MemberAccess | undefined {
    const member = this.access.member(tenantId, userId);
    if (!member) return undefined;
    if (!sessionId) return member;
    const session = this.access.session(sessionId, userId);
    if (!session) return undefined;
    return session.portalTenantId && session.portalTenantId !== tenantId ? undefined : member;
  }

  private async grantMember(context: RequestContext, tenantId: string, member: MemberAccess): Promise<boolean> {
    (context.actor as NonNullable<RequestContext['actor']>).email = member.email;
    context.tenant = {
      tenantId,
      roles: member.roles,
      scopes: member.scopes,
      permissions: new Set(member.permissions),
    };
    // Counted only once access is granted, so nobody can spend another business's allowance.
    await this.limits.consume('tenant:api', tenantId);
    return true;
  }

  /** Resolves to the live session (undefined for a token without one); rejects with a 401 when it is not live. */
  private async liveSession(
    transaction: RequestTransaction,
    context: RequestContext,
    ticket: AccessReadTicket,
  ): Promise<LiveSession | undefined> {
    const { sessionId, actor } = context;
    if (!sessionId || !actor) return undefined;
    const session = await findLiveSession(transaction, sessionId, actor.userId);
    if (!session) {
      throw new UnauthorizedException(
        problem(401, { detail: 'This session has ended (signed out, or timed out): sign in again.' }),
      );
    }
    this.access.rememberSession(ticket, sessionId, { ...session, userId: actor.userId });
    return session;
  }

  private async resolveTenantId(request: FastifyRequest, context: RequestContext): Promise<string> {
    const header = request.headers[TENANT_HEADER];
    const named = typeof header === 'string' ? header.trim() : undefined;
    const transaction = context.transaction as RequestTransaction;
    const userId = context.actor?.userId as string;
    if (named && UUID.test(named)) return named.toLowerCase();
    if (named && SLUG.test(named)) {
      // A slug resolves only for tenants the user may see: for any other the answer is the same 403.
      const id = await this.tenancy.findTenantIdBySlug(transaction, named);
      if (!id) throw noAccess();
      return id;
    }
    if (named) throw noAccess('X-Tenant-ID must be a tenant id (UUID) or slug.');
    const fallback = context.tokenTenantId ?? (await this.tenancy.findDefaultTenantId(transaction, userId));
    if (!fallback) throw noAccess('You are not an active member of any business yet.');
    return fallback;
  }
}

/** The tenant the request names by id (X-Tenant-ID), or the token's when it names none: no lookup needed. */
function tenantIdWithoutLookup(request: FastifyRequest, context: RequestContext): string | undefined {
  const header = request.headers[TENANT_HEADER];
  const named = typeof header === 'string' ? header.trim() : undefined;
  if (named) return UUID.test(named) ? named.toLowerCase() : undefined;
  return context.tokenTenantId;
}

function noAccess(detail = 'You do not have access to this business.'): ForbiddenException {
  return new ForbiddenException(problem(403, { detail }));
}
