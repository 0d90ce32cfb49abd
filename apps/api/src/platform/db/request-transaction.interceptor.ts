import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { appendActivity } from '@ontrack/db/activity-chain';
import { catchError, concatMap, from, type Observable, throwError } from 'rxjs';
import { maybeRequestContext, type RequestContext } from '../request-context/request-context.js';
import { AccessCache } from '../tenancy/access-cache.js';

/**
 * Ends the request transaction opened by the tenant guard: after a successful handler, appends the
 * request's activity (support use included) to the tenant's chain and commits — before the response is
 * sent, so a client never sees success for a write that did not commit. Any error rolls everything back.
 */
@Injectable()
export class RequestTransactionInterceptor implements NestInterceptor {
  constructor(private readonly access: AccessCache) {}

  intercept(_execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const context = maybeRequestContext();
    if (!context?.transaction) return next.handle();
    return next.handle().pipe(
      concatMap((value) => from(commit(context, this.access).then(() => value))),
      catchError((error: unknown) => from(rollback(context)).pipe(concatMap(() => throwError(() => error)))),
    );
  }
}

async function commit(context: RequestContext, access: AccessCache): Promise<void> {
  const transaction = context.transaction;
  if (!transaction?.isOpen) return;
  if (context.tenant?.supportGrantId && context.actor) {
    // Every use of a support grant is visible to the tenant, reads included.
    context.activity.unshift({
      tenantId: context.tenant.tenantId,
      actorType: 'support',
      actorUserId: context.actor.userId,
      actorLabel: context.actor.email,
      entityType: 'support_access_grant',
      entityId: context.tenant.supportGrantId,
      action: 'use',
      summary: { method: context.method, path: context.path },
      requestId: context.requestId,
      ip: context.ip ?? null,
      userAgent: context.userAgent ?? null,
    });
  }
  if (context.activity.length > 0) {
    await appendActivity(transaction.db, context.activity);
  } else if (context.method === 'GET' || context.method === 'HEAD') {
    // A read has nothing to make durable (GET and HEAD handlers never write; a sensitive read records
    // activity and takes the path below): answer without waiting for COMMIT's round trip. The connection
    // goes back to the pool once the COMMIT completes.
    transaction
      .commit({ readOnly: true })
      .catch((error: unknown) => logger.warn({ err: error }, 'commit after a read failed'));
    return;
  }
  // A sign-out, a role change or a suspension holds for this process's very next request (access-cache.ts).
  access.forget(await transaction.commit());
}

const logger = new Logger('RequestTransaction');

async function rollback(context: RequestContext): Promise<void> {
  await context.transaction?.rollback();
}
