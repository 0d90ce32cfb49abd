import { readCsrfToken, withCsrfHeader } from './csrf';

export const REFRESH_PATH = '/api/v1/auth/refresh';

/**
 * Routes whose 401 is not about an expired access token: the sign-in steps themselves, which run before there
 * is a session (a refused link, an unknown invitation). Refreshing there would only hide their answer.
 */
const NO_REFRESH_PATHS = new Set([
  '/api/v1/auth/magic-link',
  '/api/v1/auth/magic-link/verify',
  '/api/v1/auth/invitations/accept',
  REFRESH_PATH,
]);

// The Web Locks name that makes the tabs of one browser refresh one at a time (they share the cookies).
const REFRESH_LOCK = 'ontrack-session-refresh';

export interface SessionFetchOptions {
  /** The transport; defaults to the global fetch (same origin: the web app proxies /api/*). */
  send?: (request: Request) => Promise<Response>;
  /** The browser's cookies as `document.cookie` shows them (only the CSRF cookie is readable). */
  cookies?: () => string;
  /** Cross-tab mutual exclusion; defaults to the Web Locks API when the browser has it. */
  withLock?: <T>(run: () => Promise<T>) => Promise<T>;
}

async function browserLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return run();
  let result: T | undefined;
  await locks.request(REFRESH_LOCK, async () => {
    result = await run();
  });
  return result as T;
}

async function isDomainRefusal(response: Response): Promise<boolean> {
  // A 401 with a `code` is an answer about the request (a wrong or replayed authenticator code), not about
  // the access token: a refresh would not change it.
  try {
    const body: unknown = await response.clone().json();
    return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
  } catch {
    return false;
  }
}

/**
 * fetch for the API with the web session: adds X-CSRF-Token to requests that change something, and on a 401
 * refreshes the access token once and retries. The refresh token is single use and the API revokes the whole
 * session when one is presented twice (reuse detection), so refreshes must never overlap: the callers in this
 * tab share one refresh in flight, and tabs take turns under a Web Lock. A caller whose request went out with
 * an older CSRF token than the one now in the cookie knows a refresh already happened meanwhile (each refresh
 * sets a new one) and only retries.
 */
export interface SessionFetch {
  (request: Request): Promise<Response>;
  /**
   * Refreshes now (the session-timeout warning's "stay signed in"), in turn with every other refresh of the
   * browser; true when the session is live afterwards. A refresh another tab made meanwhile counts.
   */
  refresh(origin: string): Promise<boolean>;
}

export function createSessionFetch(options: SessionFetchOptions = {}): SessionFetch {
  const send = options.send ?? ((request: Request) => globalThis.fetch(request));
  const cookies = options.cookies ?? (() => document.cookie);
  const withLock = options.withLock ?? browserLock;
  let inFlight: Promise<boolean> | undefined;

  function refreshOnce(origin: string, sentWithCsrf: string | undefined): Promise<boolean> {
    inFlight ??= withLock(async () => {
      const current = readCsrfToken(cookies());
      if (current !== undefined && current !== sentWithCsrf) return true;
      const response = await send(
        withCsrfHeader(new Request(new URL(REFRESH_PATH, origin), { method: 'POST' }), cookies()),
      );
      return response.ok;
    })
      .catch(() => false)
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  const sessionFetch = async (request: Request) => {
    const { origin, pathname: path } = new URL(request.url);
    // The body can be read only once: keep a copy for the retry.
    const retry = NO_REFRESH_PATHS.has(path) ? undefined : request.clone();
    const sentWithCsrf = readCsrfToken(cookies());
    const response = await send(withCsrfHeader(request, cookies()));
    if (response.status !== 401 || !retry || (await isDomainRefusal(response))) return response;
    if (!(await refreshOnce(origin, sentWithCsrf))) return response;
    return send(withCsrfHeader(retry, cookies()));
  };
  return Object.assign(sessionFetch, {
    refresh: (origin: string) => refreshOnce(origin, readCsrfToken(cookies())),
  });
}
