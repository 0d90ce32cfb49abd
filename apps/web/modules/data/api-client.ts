import { createApiClient } from '@ontrack/sdk/client';
import { NETWORK_PROBLEM, type ProblemView, toProblemView } from '../auth/problem';
import { createSessionFetch } from '../auth/session-fetch';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; problem: ProblemView };

/**
 * The one SDK client of the browser. Same origin (the web app proxies /api/*), so the session cookies go along
 * and stay first-party. One client means one session fetch: every caller in the tab shares its single refresh
 * in flight (tabs take turns under a Web Lock).
 */
const sessionFetch = createSessionFetch();
export const api = createApiClient({ fetch: sessionFetch, credentials: 'same-origin' });

/** Refreshes the session now (in turn with every other refresh of the browser); true if it is live after. */
export const refreshSession = (): Promise<boolean> => sessionFetch.refresh(window.location.origin);

/** openapi-fetch's answer: `data` on success (typed from the OpenAPI spec), `error` otherwise. */
export interface SdkAnswer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** An SDK call as a value: its data, or the problem to show (a network failure becomes one too). */
export async function settle<D>(call: () => Promise<SdkAnswer<D>>): Promise<ApiResult<D>> {
  let answer: SdkAnswer<D>;
  try {
    answer = await call();
  } catch {
    return { ok: false, problem: NETWORK_PROBLEM };
  }
  if (!answer.response.ok) return { ok: false, problem: toProblemView(answer.error, answer.response) };
  // A 204 has no body: `data` is undefined, which is what those operations declare.
  return { ok: true, data: answer.data as D };
}

/** Thrown by query and mutation functions, so TanStack Query's `error` is the problem the page shows. */
export class ProblemError extends Error {
  constructor(readonly problem: ProblemView) {
    super(problem.detail);
    this.name = 'ProblemError';
  }
}

/** An SDK call for TanStack Query: resolves to the data or throws a ProblemError. */
export async function unwrap<D>(call: () => Promise<SdkAnswer<D>>): Promise<D> {
  const result = await settle(call);
  if (!result.ok) throw new ProblemError(result.problem);
  return result.data;
}

/** The problem behind a query's or mutation's error (anything else is shown as a network failure). */
export function problemOf(error: unknown): ProblemView {
  return error instanceof ProblemError ? error.problem : NETWORK_PROBLEM;
}
