import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { problem } from '../http/problem-details.js';
import { maybeRequestContext, type RequestContext } from '../request-context/request-context.js';

/** A refused action: 429 problem+json, with `Retry-After` in whole seconds (RFC 9110 §10.2.3). */
export class TooManyRequestsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      problem(HttpStatus.TOO_MANY_REQUESTS, {
        detail: `Too many attempts. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
      }),
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

// The problem filter only writes the body; the limiter, which is not handed the reply, finds it here to add
// Retry-After. Keyed by the request's context object, so nothing outlives the request.
const replies = new WeakMap<RequestContext, FastifyReply>();

/** Register after installRequestContext: it runs inside the request context that hook opens. */
export function installRateLimitReplies(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (_request, reply, done) => {
    const context = maybeRequestContext();
    if (context) replies.set(context, reply);
    done();
  });
}

/** Sets Retry-After on the current request's reply (no-op outside a request) and returns the exception. */
export function tooManyRequests(msBeforeNext: number): TooManyRequestsException {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const context = maybeRequestContext();
  const reply = context ? replies.get(context) : undefined;
  if (reply && !reply.sent) void reply.header('retry-after', String(seconds));
  return new TooManyRequestsException(seconds);
}
