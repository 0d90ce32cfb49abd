import {
  applyDecorators,
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { problem } from './problem-details.js';

// Optimistic concurrency over HTTP (ARCHITECTURE §4): a mutable aggregate's `version` column is its ETag;
// a change names the version it was based on in If-Match, and a stale one is refused with 412 instead of
// silently overwriting someone else's edit.

/** `"7"` — a strong ETag, since the version changes with every write. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * Reads the version from `If-Match` (`"7"`, `W/"7"` or a bare `7`). A missing header is 428: a client that
 * does not say which version it edited could overwrite a change it never saw.
 */
export function versionFromIfMatch(header: string | string[] | undefined): number {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) {
    throw new HttpException(
      problem(428, {
        detail: 'Send the If-Match header with the ETag (version) you last read, so a newer change is not overwritten.',
        errors: [{ in: 'header', pointer: '#/If-Match', field: 'If-Match', detail: 'is required', code: 'required' }],
      }),
      428,
    );
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!match?.[1]) {
    throw new HttpException(
      problem(400, {
        detail: 'If-Match must be the ETag of the resource, such as "3".',
        errors: [{ in: 'header', pointer: '#/If-Match', field: 'If-Match', detail: 'is malformed', code: 'invalid' }],
      }),
      400,
    );
  }
  return Number(match[1]);
}

/** 412: the resource changed since the client read it. */
export function staleVersion(what: string, current: number): HttpException {
  return new HttpException(
    problem(412, {
      detail: `The ${what} was changed by someone else since you loaded it (it is now at version ${current}). Reload it and apply your change again.`,
    }),
    412,
  );
}

/** The version named by If-Match; documents the header in OpenAPI through `@Versioned()`. */
export const IfMatchVersion = createParamDecorator((_data: unknown, execution: ExecutionContext): number =>
  versionFromIfMatch(execution.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
);

/** Sets `ETag` from the returned body's `version` (or `contact.version` style wrappers via `pick`). */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = execution.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((value) => {
        const version = versionIn(value);
        if (version !== undefined) void reply.header('etag', etagOf(version));
        return value;
      }),
    );
  }
}

function versionIn(value: unknown): number | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const own = (value as { version?: unknown }).version;
  if (typeof own === 'number') return own;
  // `{ contact: {...}, duplicates: [...] }`: the one nested resource.
  for (const nested of Object.values(value)) {
    if (nested && typeof nested === 'object' && typeof (nested as { version?: unknown }).version === 'number') {
      return (nested as { version: number }).version;
    }
  }
  return undefined;
}

/** On a GET, POST or PATCH of one versioned resource: answers with its ETag. */
export const WithETag = () => UseInterceptors(ETagInterceptor);

/** On a PATCH (or a versioned action): If-Match is required and documented; the answer has the new ETag. */
export const Versioned = () =>
  applyDecorators(
    WithETag(),
    ApiHeader({
      name: 'If-Match',
      required: true,
      description: 'The ETag (version) you last read. A stale one is refused with 412; a missing one with 428.',
    }),
  );
