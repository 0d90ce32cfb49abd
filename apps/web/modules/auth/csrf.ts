/** The double-submit CSRF cookie the API sets with the session (readable by JavaScript on purpose). */
export const CSRF_COOKIE = '__Host-ontrack_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** The CSRF token from a `document.cookie` string, or undefined when there is no session cookie yet. */
export function readCsrfToken(cookieHeader: string): string | undefined {
  for (const pair of cookieHeader.split(';')) {
    const index = pair.indexOf('=');
    if (index <= 0 || pair.slice(0, index).trim() !== CSRF_COOKIE) continue;
    const value = pair.slice(index + 1).trim();
    if (!value) return undefined;
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The request with `X-CSRF-Token` set when it changes something and the browser holds the cookie. Requests
 * without session cookies (asking for a sign-in link, redeeming it) need none: the API checks the header only
 * when the access or refresh cookie comes along — but it is harmless there, so it is sent whenever it exists.
 */
export function withCsrfHeader(request: Request, cookieHeader: string): Request {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return request;
  const token = readCsrfToken(cookieHeader);
  if (!token) return request;
  const headers = new Headers(request.headers);
  headers.set(CSRF_HEADER, token);
  return new Request(request, { headers });
}
