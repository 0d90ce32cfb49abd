import { Logger } from '@nestjs/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProblemDetailsFilter } from './problem-details.filter.js';

// A 500 is logged as an error; the same failure of a request whose client already hung up is not (onRequestAbort
// rolls the request's transaction back under the handler, which then fails on it: nobody waits for that answer).
function handle(clientGone: boolean): void {
  const request = {
    url: '/api/v1/tenant',
    id: 'req-1',
    raw: { destroyed: clientGone, socket: { destroyed: clientGone } },
  };
  const reply = { header: () => reply, status: () => reply, send: () => reply };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) };
  new ProblemDetailsFilter().catch(new Error('the request transaction is already finished'), host as never);
}

describe('ProblemDetailsFilter logging', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logs a server error as an error, and the same failure after the client left as information', () => {
    const error = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const info = vi.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    handle(false);
    expect(error).toHaveBeenCalledTimes(1);
    expect(info).not.toHaveBeenCalled();
    handle(true);
    expect(error).toHaveBeenCalledTimes(1);
    expect(info).toHaveBeenCalledWith(
      expect.objectContaining({ requestId: 'req-1' }),
      'request abandoned by its client',
    );
  });
});

describe('ProblemDetailsFilter and the database', () => {
  const request = { url: '/api/v1/contacts?q=a', id: 'req-2', raw: {} } as never;

  it('answers a statement cancelled by statement_timeout (SQLSTATE 57014) with 503, also when Drizzle wrapped it', () => {
    const canceled = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    for (const error of [canceled, new Error('Failed query: select …', { cause: canceled })]) {
      const body = new ProblemDetailsFilter().toProblem(error, request);
      expect(body).toMatchObject({ status: 503, title: 'Service Unavailable', instance: '/api/v1/contacts' });
      expect(body.detail).toMatch(/took too long.*nothing was changed/);
    }
  });

  it('keeps any other database error a 500 without internals', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(new ProblemDetailsFilter().toProblem(error, request)).toMatchObject({
      status: 500,
      detail: 'An unexpected error occurred.',
    });
  });
});
