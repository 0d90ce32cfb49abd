import type { FastifyRequest } from 'fastify';

/**
 * The session's cookies. `__Host-` makes the browser insist on Secure, Path=/ and no Domain, so a sibling
 * subdomain can neither read nor plant them (which is what makes the double-submit CSRF cookie sound).
 * Set and cleared by modules/auth/auth-cookies.ts; read here by the guards.
 */
export const ACCESS_COOKIE = '__Host-ontrack_access';
export const REFRESH_COOKIE = '__Host-ontrack_refresh';
/** Readable by the web app's JavaScript, which echoes it in X-CSRF-Token. */
export const CSRF_COOKIE = '__Host-ontrack_csrf';
/** Binds a magic link to the browser that asked for it. */
export const LINK_COOKIE = '__Host-ontrack_link';

export const CSRF_HEADER = 'x-csrf-token';

const parsed = Symbol('ontrack-cookies');
type WithCookies = FastifyRequest & { [parsed]?: Map<string, string> };

/** The request's cookies (RFC 6265 `Cookie` header), parsed once per request. The first of a repeated name wins. */
export function requestCookies(request: FastifyRequest): ReadonlyMap<string, string> {
  const cached = (request as WithCookies)[parsed];
  if (cached) return cached;
  const cookies = new Map<string, string>();
  const header = request.headers.cookie;
  for (const pair of (header ?? '').split(';')) {
    const index = pair.indexOf('=');
    if (index <= 0) continue;
    const name = pair.slice(0, index).trim();
    let value = pair.slice(index + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (!cookies.has(name)) {
      try {
        cookies.set(name, decodeURIComponent(value));
      } catch {
        cookies.set(name, value);
      }
    }
  }
  (request as WithCookies)[parsed] = cookies;
  return cookies;
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const value = requestCookies(request).get(name);
  return value ? value : undefined;
}

/** The Bearer token of the Authorization header, if any. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  const token = header.slice('Bearer '.length).trim();
  return token || undefined;
}
