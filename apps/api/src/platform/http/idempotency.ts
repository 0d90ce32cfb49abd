import { createHash } from 'node:crypto';
import {
  applyDecorators,
  BadRequestException,
  type CallHandler,
  ConflictException,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UnprocessableEntityException,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { idempotencyKeys } from '@ontrack/db/schema/idempotency';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { concatMap, from, type Observable, of } from 'rxjs';
import { currentDb } from '../db/current-transaction.js';
import { requestContext } from '../request-context/request-context.js';
import { problem } from './problem-details.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
const KEPT_FOR = '24 hours';

/**
 * `Idempotency-Key` on a mutating POST (docs/contacts.md). The key is claimed in the request's own
 * transaction, so it exists exactly when the write committed: a request that fails leaves nothing and may be
 * retried with the same key. A retry of a committed request gets the stored status and body; the same key
 * with another body, method or path is refused with 422. Route-level, so it runs inside the request
 * transaction interceptor and its stored response commits with the write.
 */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'A unique key per intended write (a UUID). Repeating the request with the same key returns the first response instead of writing twice (kept 24 hours); the same key with a different body is refused with 422.',
    }),
  );

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  async intercept(execution: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = execution.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !KEY_PATTERN.test(key)) {
      throw new BadRequestException(
        problem(400, {
          detail: 'The Idempotency-Key header must be 1 to 200 visible ASCII characters (a UUID is a good key).',
          errors: [
            {
              in: 'header',
              pointer: '#/Idempotency-Key',
              field: 'Idempotency-Key',
              detail: 'is malformed',
              code: 'invalid',
            },
          ],
        }),
      );
    }

    const context = requestContext();
    const tenantId = context.tenant?.tenantId;
    const userId = context.actor?.userId;
    if (!tenantId || !userId) throw new Error('@Idempotent() needs a tenant route');
    const claim = {
      tenantId,
      key,
      userId,
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      requestHash: hashOf(request.body),
    };

    const db = currentDb();
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ ...claim, expiresAt: sql`now() + ${KEPT_FOR}::interval` })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const reply = http.getResponse<FastifyReply>();
      return of(await replay(claim, reply));
    }

    return next.handle().pipe(
      concatMap((value) =>
        from(
          (async () => {
            const status = http.getResponse<FastifyReply>().statusCode;
            await db
              .update(idempotencyKeys)
              .set({ responseStatus: status, responseBody: value === undefined ? null : toJson(value) })
              .where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key)));
            return value;
          })(),
        ),
      ),
    );
  }
}

type Claim = { tenantId: string; key: string; method: string; path: string; requestHash: string };

/** The stored answer of the first request with this key, or why this request may not reuse the key. */
async function replay(claim: Claim, reply: FastifyReply): Promise<unknown> {
  // Another user's key of the same business is invisible here (RLS): it reads as "used by another request".
  const [stored] = await currentDb()
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tenantId, claim.tenantId), eq(idempotencyKeys.key, claim.key)));
  if (
    !stored ||
    stored.method !== claim.method ||
    stored.path !== claim.path ||
    stored.requestHash !== claim.requestHash
  ) {
    throw new UnprocessableEntityException(
      problem(422, {
        detail:
          'This Idempotency-Key was already used for a different request. Use a new key for a new request; repeat a request only with the same body.',
        errors: [
          {
            in: 'header',
            pointer: '#/Idempotency-Key',
            field: 'Idempotency-Key',
            detail: 'was used for a different request',
            code: 'idempotency_key_reused',
          },
        ],
      }),
    );
  }
  if (stored.responseStatus === null) {
    throw new ConflictException(
      problem(409, { detail: 'The first request with this Idempotency-Key is still being processed. Retry shortly.' }),
    );
  }
  void reply.status(stored.responseStatus).header('idempotent-replayed', 'true');
  return stored.responseBody ?? undefined;
}

/** SHA-256 of the body as canonical JSON (keys sorted), so re-serialising the same body gives the same hash. */
export function hashOf(body: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(body ?? null))
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
