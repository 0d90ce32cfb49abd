import { UnauthorizedException } from '@nestjs/common';
import type { MfaSession, MfaStatus, TotpConfirmed, TotpEnrolment } from '@ontrack/schemas/auth-mfa';
import { generate } from 'otplib';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type IssuedSession, SessionService } from '../../src/modules/auth/session.service.js';
import { ACCESS_COOKIE, CSRF_COOKIE } from '../../src/platform/auth/cookies.js';
import { createTestTenant, type TestTenant } from './rbac-helpers.js';
import { type RunningApi, startApi } from './start-api.js';

type Body = Record<string, unknown> & { detail?: string; code?: string };
interface Reply<T> {
  status: number;
  headers: Headers;
  body: T;
}

const CLIENT = { ip: '127.0.0.1', userAgent: 'mfa.e2e' };
const now = () => Math.floor(Date.now() / 1000);

describe('two-factor authentication (TOTP), recovery codes and re-authentication', () => {
  let api: RunningApi;
  let sessions: SessionService;
  let tenant: TestTenant<'admin' | 'office' | 'crew' | 'client' | 'guesser'>;
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });

  beforeAll(async () => {
    api = await startApi();
    sessions = api.app.get(SessionService);
    tenant = await createTestTenant(inject('ownerDatabaseUrl'), {
      admin: { roles: ['admin'] },
      office: { roles: ['office_staff'] },
      crew: { roles: ['crew'] },
      client: { roles: ['client'] },
      guesser: { roles: ['office_staff'] },
    });
  });
  afterAll(async () => {
    await api?.close();
    await owner.end();
  });

  /** A Bearer call, as an API client makes it (no CSRF token involved), or with cookies as the web app does. */
  async function call<T = Body>(
    path: string,
    token: string,
    {
      method = 'GET',
      body,
      tenantId,
      asBrowser = false,
    }: { method?: string; body?: unknown; tenantId?: string; asBrowser?: boolean } = {},
  ): Promise<Reply<T>> {
    // The web app: the access token in its cookie, plus the double-submit CSRF token.
    const headers: Record<string, string> = asBrowser
      ? { cookie: `${ACCESS_COOKIE}=${token}; ${CSRF_COOKIE}=csrf-e2e`, 'x-csrf-token': 'csrf-e2e' }
      : { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (tenantId) headers['x-tenant-id'] = tenantId;
    const response = await fetch(`${api.baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
  }

  const signIn = (userId: string): Promise<IssuedSession> => sessions.start({ userId, method: 'magic_link' }, CLIENT);
  const emailOf = (name: keyof typeof tenant.users) => `${name}-${tenant.users[name]}@rbac.test`;
  /** Makes the session's last authentication older than the ten minutes that count as recent. */
  const ageAuthentication = (sessionId: string) =>
    owner`update sessions set reauthenticated_at = now() - interval '11 minutes' where id = ${sessionId}`;

  // The office user's journey, shared by the tests below in order.
  let secret: string;
  let confirmedWith: string;
  let recoveryCodes: string[];
  let verifiedToken: string;
  let verifiedSessionId: string;

  it('a user whose role needs no second factor signs straight in; GET /auth/mfa says so', async () => {
    const session = await signIn(tenant.users.office);
    expect(session.mfaPending).toBe(false);
    const { status, body } = await call<MfaStatus>('/auth/mfa', session.accessToken);
    expect(status).toBe(200);
    expect(body).toEqual({
      totp: { enrolled: false, confirmedAt: null },
      recoveryCodesLeft: 0,
      required: false,
      reason: null,
    });
  });

  it('enrolment returns the otpauth URI, its QR code and the secret, which is stored encrypted', async () => {
    const session = await signIn(tenant.users.office);
    const { status, body } = await call<TotpEnrolment>('/auth/mfa/totp/enrol', session.accessToken, {
      method: 'POST',
    });
    expect(status).toBe(200);
    secret = body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUri).toMatch(
      new RegExp(`^otpauth://totp/OnTrack:${encodeURIComponent(emailOf('office')).replaceAll('.', '\\.')}\\?`),
    );
    const params = new URL(body.otpauthUri).searchParams;
    expect(params.get('secret')).toBe(secret);
    expect(params.get('issuer')).toBe('OnTrack');
    expect(body.qrCodeSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(body.qrCodeSvg).toContain('<path');

    const [row] = await owner<{ secret_encrypted: string; confirmed_at: Date | null }[]>`
      select secret_encrypted, confirmed_at from totp_factors where user_id = ${tenant.users.office}`;
    expect(row?.confirmed_at).toBeNull();
    expect(row?.secret_encrypted).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(row?.secret_encrypted).not.toContain(secret);
    // Not enrolled until a code confirms it.
    expect((await call<MfaStatus>('/auth/mfa', session.accessToken)).body.totp.enrolled).toBe(false);
  });

  it('confirm: a wrong code is refused; the first right one gives ten recovery codes and signs out other sessions', async () => {
    const otherDevice = await signIn(tenant.users.office);
    const session = await signIn(tenant.users.office);
    const wrong = await generate({ secret, epoch: now() + 10 * 30 });
    const refused = await call('/auth/mfa/totp/confirm', session.accessToken, {
      method: 'POST',
      body: { code: wrong },
    });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('invalid_code');

    confirmedWith = await generate({ secret });
    const { status, headers, body } = await call<TotpConfirmed>('/auth/mfa/totp/confirm', session.accessToken, {
      method: 'POST',
      body: { code: confirmedWith },
    });
    expect(status).toBe(200);
    recoveryCodes = body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(body.signedOutSessions).toBeGreaterThanOrEqual(2);
    // An API client (Bearer) gets the session's rotated refresh token in the body, and no cookies.
    expect(body).toMatchObject({
      accessToken: expect.any(String),
      mfaPending: false,
      refreshToken: expect.any(String),
    });
    expect(headers.getSetCookie()).toEqual([]);
    const refreshed = await sessions.refresh(body.refreshToken as string, CLIENT);
    expect(refreshed.mfaPending).toBe(false);

    // Stored as hashes only.
    const stored = await owner<{ code_hash: string }[]>`
      select code_hash from recovery_codes where user_id = ${tenant.users.office}`;
    expect(stored).toHaveLength(10);
    expect(stored.map((row) => row.code_hash).join()).not.toContain(recoveryCodes[0]?.slice(0, 4) ?? '-');

    // The session opened elsewhere before the factor changed is gone; the confirming one lives on.
    await expect(sessions.refresh(otherDevice.refreshToken, CLIENT)).rejects.toBeInstanceOf(UnauthorizedException);
    expect((await call('/me', body.accessToken)).status).toBe(200);
  });

  it('sign-in now owes the second factor: the pending token works only on MFA routes; a code works once', async () => {
    const pending = await signIn(tenant.users.office);
    expect(pending.mfaPending).toBe(true);
    const me = await call('/me', pending.accessToken);
    expect(me.status).toBe(401);
    expect(me.body.detail).toMatch(/second factor/i);
    const status = await call<MfaStatus>('/auth/mfa', pending.accessToken);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ totp: { enrolled: true }, recoveryCodesLeft: 10, required: false });

    // The code that confirmed the factor was used: replaying it is refused.
    const replay = await call('/auth/mfa/verify', pending.accessToken, {
      method: 'POST',
      body: { code: confirmedWith },
    });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('code_already_used');

    // The next time step's code (within the ±1 step window) is accepted, once. In the browser the new
    // session comes back as cookies, and the refresh token never reaches JavaScript.
    const next = await generate({ secret, epoch: now() + 30 });
    const verified = await call<MfaSession>('/auth/mfa/verify', pending.accessToken, {
      method: 'POST',
      body: { code: next },
      asBrowser: true,
    });
    expect(verified.status).toBe(200);
    expect(verified.body.refreshToken).toBeUndefined();
    const cookies = verified.headers.getSetCookie();
    expect(cookies.some((cookie) => cookie.startsWith(`${ACCESS_COOKIE}=${verified.body.accessToken};`))).toBe(true);
    expect(cookies.every((cookie) => cookie.includes('Secure') && cookie.includes('SameSite=Strict'))).toBe(true);
    expect((await call('/me', verified.body.accessToken, { asBrowser: true })).status).toBe(200);
    const again = await call('/auth/mfa/verify', pending.accessToken, { method: 'POST', body: { code: next } });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('code_already_used');
  });

  it('a recovery code completes a sign-in once, however it is typed', async () => {
    const first = await signIn(tenant.users.office);
    const code = recoveryCodes[0] as string;
    const used = await call<MfaSession>('/auth/mfa/verify', first.accessToken, {
      method: 'POST',
      body: { recoveryCode: ` ${code.toLowerCase()} ` },
    });
    expect(used.status).toBe(200);
    verifiedToken = used.body.accessToken;
    verifiedSessionId = first.sessionId;

    const second = await signIn(tenant.users.office);
    const reused = await call('/auth/mfa/verify', second.accessToken, { method: 'POST', body: { recoveryCode: code } });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('invalid_code');
    expect((await call<MfaStatus>('/auth/mfa', verifiedToken)).body.recoveryCodesLeft).toBe(9);
  });

  it('removing the factor, new recovery codes and a new email need a recent authentication', async () => {
    await ageAuthentication(verifiedSessionId);
    for (const [method, path, body] of [
      ['DELETE', '/auth/mfa/totp', undefined],
      ['POST', '/auth/mfa/recovery-codes', undefined],
      ['PATCH', '/me/email', { email: 'renamed@example.test' }],
    ] as const) {
      const refused = await call(path, verifiedToken, { method, body });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body.code).toBe('reauthentication_required');
    }

    const wrong = await call('/auth/reauthenticate', verifiedToken, {
      method: 'POST',
      body: { recoveryCode: recoveryCodes[0] },
    });
    expect(wrong.status).toBe(401);
    const reauthenticated = await call<{ recentUntil: string }>('/auth/reauthenticate', verifiedToken, {
      method: 'POST',
      body: { recoveryCode: recoveryCodes[1] },
    });
    expect(reauthenticated.status).toBe(200);
    expect(Date.parse(reauthenticated.body.recentUntil)).toBeGreaterThan(Date.now() + 9 * 60_000);

    // Email: unique across users (409), stored lower-cased, other sessions signed out.
    const elsewhere = await signIn(tenant.users.office);
    const taken = await call('/me/email', verifiedToken, { method: 'PATCH', body: { email: emailOf('admin') } });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('email_taken');
    const newEmail = `Office-${tenant.users.office}@Example.test`;
    const changed = await call<{ email: string; signedOutSessions: number }>('/me/email', verifiedToken, {
      method: 'PATCH',
      body: { email: newEmail },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.email).toBe(newEmail.toLowerCase());
    expect(changed.body.signedOutSessions).toBeGreaterThanOrEqual(1);
    await expect(sessions.refresh(elsewhere.refreshToken, CLIENT)).rejects.toBeInstanceOf(UnauthorizedException);
    expect((await call<{ email: string }>('/me', verifiedToken)).body.email).toBe(newEmail.toLowerCase());

    const regenerated = await call<{ recoveryCodes: string[] }>('/auth/mfa/recovery-codes', verifiedToken, {
      method: 'POST',
    });
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.recoveryCodes).toHaveLength(10);
    expect(regenerated.body.recoveryCodes).not.toContain(recoveryCodes[2]);
    expect((await call<MfaStatus>('/auth/mfa', verifiedToken)).body.recoveryCodesLeft).toBe(10);

    const removed = await call('/auth/mfa/totp', verifiedToken, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect((await call<MfaStatus>('/auth/mfa', verifiedToken)).body).toMatchObject({
      totp: { enrolled: false },
      recoveryCodesLeft: 0,
    });
    expect((await signIn(tenant.users.office)).mfaPending).toBe(false);
  });

  let adminToken: string;

  it('an Admin must enrol before the sign-in completes, and cannot remove the factor', async () => {
    const pending = await signIn(tenant.users.admin);
    expect(pending.mfaPending).toBe(true);
    expect((await call('/me', pending.accessToken)).status).toBe(401);
    expect((await call<MfaStatus>('/auth/mfa', pending.accessToken)).body).toEqual({
      totp: { enrolled: false, confirmedAt: null },
      recoveryCodesLeft: 0,
      required: true,
      reason: 'admin',
    });

    const enrolment = await call<TotpEnrolment>('/auth/mfa/totp/enrol', pending.accessToken, { method: 'POST' });
    expect(enrolment.status).toBe(200);
    const confirmed = await call<TotpConfirmed>('/auth/mfa/totp/confirm', pending.accessToken, {
      method: 'POST',
      body: { code: await generate({ secret: enrolment.body.secret }) },
    });
    expect(confirmed.status).toBe(200);
    adminToken = confirmed.body.accessToken;
    expect((await call('/me', adminToken)).status).toBe(200);

    // Replacing a confirmed factor needs a session that passed it: a fresh sign-in that has not, is refused.
    const halfSignedIn = await signIn(tenant.users.admin);
    const replace = await call('/auth/mfa/totp/enrol', halfSignedIn.accessToken, { method: 'POST' });
    expect(replace.status).toBe(403);
    expect(replace.body.code).toBe('reauthentication_required');

    // The sign-in was a moment ago (recent), yet an Admin may not go without a second factor.
    const removal = await call('/auth/mfa/totp', adminToken, { method: 'DELETE' });
    expect(removal.status).toBe(403);
    expect(removal.body.code).toBe('mfa_required');
  });

  it('the business can require a second factor of all staff, not of its clients; the change is logged', async () => {
    expect((await signIn(tenant.users.crew)).mfaPending).toBe(false);
    const crewSession = await signIn(tenant.users.crew);
    const byCrew = await call('/tenant/security', crewSession.accessToken, {
      method: 'PATCH',
      tenantId: tenant.id,
      body: { mfaRequiredForStaff: true },
    });
    expect(byCrew.status).toBe(403);

    const updated = await call('/tenant/security', adminToken, {
      method: 'PATCH',
      tenantId: tenant.id,
      body: { mfaRequiredForStaff: true },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ mfaRequiredForStaff: true });
    expect((await call('/tenant/security', adminToken, { tenantId: tenant.id })).body).toEqual({
      mfaRequiredForStaff: true,
    });

    const crew = await signIn(tenant.users.crew);
    expect(crew.mfaPending).toBe(true);
    expect((await call('/me', crew.accessToken)).status).toBe(401);
    expect((await call<MfaStatus>('/auth/mfa', crew.accessToken)).body).toMatchObject({
      required: true,
      reason: 'tenant_policy',
    });
    expect((await signIn(tenant.users.client)).mfaPending).toBe(false);

    const log = await owner<{ summary: unknown }[]>`
      select summary from activity_log
      where tenant_id = ${tenant.id} and entity_type = 'tenant' and action = 'update_security'`;
    expect(log).toEqual([{ summary: { mfaRequiredForStaff: [false, true] } }]);
  });

  it('code attempts are rate limited per user: 429 with Retry-After', async () => {
    const session = await signIn(tenant.users.guesser);
    const enrolment = await call<TotpEnrolment>('/auth/mfa/totp/enrol', session.accessToken, { method: 'POST' });
    const wrong = await generate({ secret: enrolment.body.secret, epoch: now() + 10 * 30 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const reply = await call('/auth/mfa/totp/confirm', session.accessToken, {
        method: 'POST',
        body: { code: wrong },
      });
      statuses.push(reply.status);
      retryAfter ??= reply.headers.get('retry-after');
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
