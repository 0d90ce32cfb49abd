import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, type Problem, problemSchema } from '@ontrack/schemas/problem';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodSerializationException } from 'nestjs-zod';
import { postgresError, SQLSTATE } from '../db/postgres-errors.js';
import { problem } from './problem-details.js';

/**
 * Every error leaves the API as RFC 9457 problem+json, with the request id to quote to support.
 * 5xx answers never carry internals: the error and its stack go to the log under the same request id.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toProblem(exception, request);
    if (body.status >= 500 && clientWentAway(request)) {
      // The client hung up mid-request (a page navigated away): onRequestAbort rolled the transaction back under
      // the handler, which then failed. Nobody is waiting for this answer, and nothing is wrong with the server.
      this.logger.log({ requestId: body.requestId, reason: String(exception) }, 'request abandoned by its client');
    } else if (body.status >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'request failed');
    }
    // RFC 9110 §11.6.1: a 401 names the scheme the client should use.
    if (body.status === 401) void reply.header('www-authenticate', 'Bearer');
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }

  toProblem(exception: unknown, request: FastifyRequest): Problem {
    const context = { instance: request.url.split('?')[0], requestId: request.id };
    if (exception instanceof ZodSerializationException) {
      // The handler returned something its documented response schema refuses: our bug, not the caller's.
      return problem(500, { ...context, detail: 'The server produced an invalid response.' });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const already = problemSchema.safeParse(response);
      if (already.success) return { ...already.data, ...context };
      return problem(status, { ...context, detail: status >= 500 ? undefined : detailOf(response, exception) });
    }
    // Fastify's own errors (malformed JSON, body too large, unsupported media type) reach Nest's filters
    // as plain errors carrying a 4xx statusCode; their message is written for the client.
    const fastifyStatus = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return problem(fastifyStatus, { ...context, detail: (exception as Error).message });
    }
    if (postgresError(exception, SQLSTATE.queryCanceled)) {
      // DATABASE_STATEMENT_TIMEOUT_MS ran out (or an operator cancelled the statement): the request's
      // transaction rolled back. A server-side condition, logged as one, that the caller may simply retry.
      return problem(503, {
        ...context,
        detail:
          'The database took too long to answer, so the request was stopped and nothing was changed. Try again, or narrow the request.',
      });
    }
    return problem(500, { ...context, detail: 'An unexpected error occurred.' });
  }
}

function detailOf(response: string | object, exception: HttpException): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return exception.message;
}

function clientWentAway(request: FastifyRequest): boolean {
  return request.raw.destroyed || request.raw.socket?.destroyed === true;
}
