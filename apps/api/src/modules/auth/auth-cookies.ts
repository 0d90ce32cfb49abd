import type { SessionMode, SessionTokens } from '@ontrack/schemas/auth';
import type { FastifyReply } from 'fastify';
import { ACCESS_COOKIE, CSRF_COOKIE, LINK_COOKIE, REFRESH_COOKIE } from '../../platform/auth/cookies.js';
import { newOpaqueToken } from './auth-secrets.js';
import type { IssuedSession } from './session.service.js';

interface CookieOptions {
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  httpOnly: boolean;
  sameSite?: 'Strict' | 'Lax';
}

/**
 * One Set-Cookie value. Every cookie of ours is `__Host-` (so Secure, Path=/ and no Domain are required by
 * the browser) and SameSite=Strict: the web app serves the API under its own origin, so they are first-party.
 * Browsers accept Secure cookies from http://localhost, which is what `npm start` serves.
 */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'Secure',
    `SameSite=${options.sameSite ?? 'Strict'}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAge))}`,
  ];
  if (options.maxAge <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (options.httpOnly) parts.push('HttpOnly');
  return parts.join('; ');
}

const secondsUntil = (date: Date) => Math.max(1, Math.floor((date.getTime() - Date.now()) / 1000));

/**
 * The web app's session: the access token (HttpOnly, as long as the token lives), the refresh token
 * (HttpOnly, until the session's idle expiry; each refresh sets it again) and a fresh CSRF token that the
 * web app's JavaScript reads and echoes in X-CSRF-Token on every request that changes something.
 */
export function setSessionCookies(reply: FastifyReply, issued: IssuedSession): void {
  const refreshMaxAge = secondsUntil(issued.refreshTokenExpiresAt);
  reply.header(
    'set-cookie',
    serializeCookie(ACCESS_COOKIE, issued.accessToken, {
      maxAge: secondsUntil(issued.accessTokenExpiresAt),
      httpOnly: true,
    }),
  );
  reply.header(
    'set-cookie',
    serializeCookie(REFRESH_COOKIE, issued.refreshToken, { maxAge: refreshMaxAge, httpOnly: true }),
  );
  reply.header(
    'set-cookie',
    serializeCookie(CSRF_COOKIE, newOpaqueToken(), { maxAge: refreshMaxAge, httpOnly: false }),
  );
  reply.header('cache-control', 'no-store');
}

/** Only the access cookie changes (switching business): the refresh token and CSRF token stay. */
export function setAccessCookie(
  reply: FastifyReply,
  access: { accessToken: string; accessTokenExpiresAt: Date },
): void {
  reply.header(
    'set-cookie',
    serializeCookie(ACCESS_COOKIE, access.accessToken, {
      maxAge: secondsUntil(access.accessTokenExpiresAt),
      httpOnly: true,
    }),
  );
  reply.header('cache-control', 'no-store');
}

export function clearSessionCookies(reply: FastifyReply): void {
  for (const name of [ACCESS_COOKIE, REFRESH_COOKIE, CSRF_COOKIE]) {
    reply.header('set-cookie', serializeCookie(name, '', { maxAge: 0, httpOnly: name !== CSRF_COOKIE }));
  }
}

/** The magic-link binding cookie: as long as the link is valid. */
export function setLinkCookie(reply: FastifyReply, value: string, maxAgeSeconds: number): void {
  reply.header('set-cookie', serializeCookie(LINK_COOKIE, value, { maxAge: maxAgeSeconds, httpOnly: true }));
}

export function clearLinkCookie(reply: FastifyReply): void {
  reply.header('set-cookie', serializeCookie(LINK_COOKIE, '', { maxAge: 0, httpOnly: true }));
}

/**
 * The body answering a sign-in or refresh, and the cookies that go with it: in `cookie` mode (the web app)
 * the session is in cookies and the refresh token stays out of the body (JavaScript never sees it); in
 * `bearer` mode (API clients) no cookie is set and the body carries the refresh token.
 */
export function respondWithSession(reply: FastifyReply, issued: IssuedSession, mode: SessionMode): SessionTokens {
  reply.header('cache-control', 'no-store');
  const body: SessionTokens = {
    accessToken: issued.accessToken,
    accessTokenExpiresAt: issued.accessTokenExpiresAt.toISOString(),
    mfaPending: issued.mfaPending,
  };
  if (mode === 'bearer') {
    return {
      ...body,
      refreshToken: issued.refreshToken,
      refreshTokenExpiresAt: issued.refreshTokenExpiresAt.toISOString(),
    };
  }
  setSessionCookies(reply, issued);
  return body;
}
