import { createDatabase } from '@ontrack/db/client';
import { defaultRoleId } from '@ontrack/db/default-roles';
import { DEMO_TENANT_ID, SEED_USER_IDS } from '@ontrack/db/seed-data';
import { applySessionContext } from '@ontrack/db/session-context';
import type { SessionList, SignedIn } from '@ontrack/schemas/auth';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SessionService } from '../../src/modules/auth/session.service.js';
import { type SmtpCapture, startSmtpCapture } from '../support/smtp-capture.js';
import { mailsTo, mailTo, TestBrowser, tokenFromMail } from './auth-helpers.js';
import { createTestTenant } from './rbac-helpers.js';
import { callApi, type RunningApi, startApi } from './start-api.js';

const APP_URL = 'http://app.ontrack.test';
const LINK = `${APP_URL}/auth/magic?token=`;

describe('sessions: magic-link sign-in, refresh rotation, devices, CSRF, tenant scoping', () => {
  let api: RunningApi;
  let smtp: SmtpCapture;
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    api = await startApi({
      APP_URL,
      SMTP_URL: smtp.url,
      RUN_WORKERS: 'true',
      // Test files share the database: this API handles only the sign-in-link emails (invitations are
      // handled by the invitations test's API).
      OUTBOX_JOBS: 'auth.magic-link-email',
      OUTBOX_POLL_MS: '25',
      // Every test here signs in from 127.0.0.1, many times per address; the limits have tests of their own.
      RATE_LIMITS: JSON.stringify({
        'magic-link:ip': { points: 1000 },
        'magic-link:email': { points: 1000, ceiling: { points: 1000, duration: 3600 } },
        'sign-in:ip': { points: 1000 },
      }),
    });
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
    await owner.end();
  });

  /** Asks for a link in `browser` and returns the token from the mail. */
  async function requestLink(browser: TestBrowser, email: string, tenant?: string): Promise<string> {
    const since = smtp.messages.length;
    const asked = await browser.call('/auth/magic-link', { method: 'POST', body: { email, tenant } });
    expect(asked.status).toBe(202);
    const mail = await mailTo(smtp, email, since);
    return tokenFromMail(mail.text, LINK);
  }

  async function signIn(
    email: string,
    options: { tenant?: string; mode?: 'bearer' } = {},
  ): Promise<{ browser: TestBrowser; body: SignedIn }> {
    const browser = new TestBrowser(api);
    const token = await requestLink(browser, email, options.tenant);
    const verified = await browser.call<SignedIn>('/auth/magic-link/verify', {
      method: 'POST',
      body: { token, mode: options.mode },
    });
    expect(verified.status).toBe(200);
    return { browser, body: verified.body };
  }

  const bearer = (accessToken: string, path: string, init: { method?: string; tenant?: string; body?: unknown } = {}) =>
    fetch(`${api.baseUrl}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(init.tenant ? { 'x-tenant-id': init.tenant } : {}),
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });

  it('signs in over HTTP with the link from the mail: cookies set, the session works', async () => {
    const browser = new TestBrowser(api);
    const since = smtp.messages.length;
    const asked = await browser.call('/auth/magic-link', { method: 'POST', body: { email: 'Office@Demo.test' } });
    expect(asked.status).toBe(202);
    const linkCookie = asked.headers.getSetCookie().find((line) => line.startsWith('__Host-ontrack_link='));
    expect(linkCookie).toMatch(/HttpOnly/);
    expect(linkCookie).toMatch(/Secure/);
    expect(linkCookie).toMatch(/SameSite=Strict/);
    expect(linkCookie).toMatch(/Path=\//);

    const mail = await mailTo(smtp, 'office@demo.test', since);
    expect(mail.subject).toMatch(/sign-in link/i);
    const token = tokenFromMail(mail.text, LINK);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    // Only the hash is stored.
    const [stored] = await owner<{ token_hash: string }[]>`
      select token_hash from magic_links where email = 'office@demo.test' order by created_at desc limit 1`;
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toContain(token);
    // The outbox payload holds it sealed, not in clear.
    const payloads = await owner<{ payload: unknown }[]>`
      select payload from outbox where job = 'auth.magic-link-email' order by created_at desc limit 5`;
    expect(JSON.stringify(payloads)).not.toContain(token);

    const verified = await browser.call<SignedIn>('/auth/magic-link/verify', { method: 'POST', body: { token } });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      mfaPending: false,
      user: { id: SEED_USER_IDS.demoOffice, email: 'office@demo.test' },
    });
    expect(verified.body.refreshToken).toBeUndefined();
    const setCookies = verified.headers.getSetCookie();
    for (const name of ['__Host-ontrack_access', '__Host-ontrack_refresh']) {
      expect(setCookies.find((line) => line.startsWith(`${name}=`))).toMatch(/HttpOnly; ?|HttpOnly$/);
    }
    expect(setCookies.find((line) => line.startsWith('__Host-ontrack_csrf='))).not.toMatch(/HttpOnly/);
    expect(browser.cookies.has('__Host-ontrack_link')).toBe(false);

    const me = await browser.call<{ id: string }>('/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(SEED_USER_IDS.demoOffice);
    const tenant = await browser.call<{ id: string }>('/tenant');
    expect(tenant.body.id).toBe(DEMO_TENANT_ID);
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const unknown = await new TestBrowser(api).call('/auth/magic-link', {
      method: 'POST',
      body: { email: 'nobody-here@demo.test' },
    });
    const since = smtp.messages.length;
    const known = await new TestBrowser(api).call('/auth/magic-link', {
      method: 'POST',
      body: { email: 'pm@demo.test' },
    });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(unknown.headers.getSetCookie()[0]?.split('=')[0]).toBe('__Host-ontrack_link');
    // The known address's mail arrives; by then the unknown one would have too.
    await mailTo(smtp, 'pm@demo.test', since);
    expect(mailsTo(smtp, 'nobody-here@demo.test')).toBe(0);
  });

  it('refuses a used link, an expired link, and a link opened in another browser', async () => {
    const browser = new TestBrowser(api);
    const token = await requestLink(browser, 'crew@demo.test');

    const elsewhere = new TestBrowser(api);
    const wrong = await elsewhere.call('/auth/magic-link/verify', { method: 'POST', body: { token } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toMatch(/browser that asked for it/);
    elsewhere.cookies.set('__Host-ontrack_link', 'A'.repeat(43));
    expect((await elsewhere.call('/auth/magic-link/verify', { method: 'POST', body: { token } })).status).toBe(401);

    // Still unused: the right browser signs in with it, once.
    expect((await browser.call('/auth/magic-link/verify', { method: 'POST', body: { token } })).status).toBe(200);
    const again = await browser.call('/auth/magic-link/verify', { method: 'POST', body: { token } });
    expect(again.status).toBe(401);
    expect(again.body.detail).toMatch(/already used/);

    const late = new TestBrowser(api);
    const expiring = await requestLink(late, 'crew@demo.test');
    await owner`update magic_links set expires_at = now() - interval '1 second'
                where email = 'crew@demo.test' and used_at is null`;
    const expired = await late.call('/auth/magic-link/verify', { method: 'POST', body: { token: expiring } });
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toMatch(/expired/);
  });

  it('rotates the refresh token on every use; presenting a used one signs the session out', async () => {
    const { body: first } = await signIn('office@demo.test', { mode: 'bearer' });
    expect(first.refreshToken).toBeDefined();
    const rotate = (refreshToken: string | undefined) =>
      callApi<SignedIn & { detail?: string }>(api, '/auth/refresh', { method: 'POST', body: { refreshToken } });

    const second = await rotate(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).toBeDefined();
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await bearer(second.body.accessToken, '/me')).status).toBe(200);

    const reused = await rotate(first.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body.detail).toMatch(/already used/);
    // The whole session is gone: the newest refresh token and the access tokens too.
    expect((await rotate(second.body.refreshToken)).status).toBe(401);
    expect((await bearer(second.body.accessToken, '/me')).status).toBe(401);
    expect((await bearer(first.accessToken, '/me')).status).toBe(401);
  });

  it('refreshes from the cookie (with the CSRF header) and sets new cookies', async () => {
    const { browser } = await signIn('office@demo.test');
    const before = browser.cookies.get('__Host-ontrack_refresh');
    // The web app may post no body at all.
    const refreshed = await browser.call<SignedIn>('/auth/refresh', { method: 'POST' });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).toBeUndefined();
    expect(browser.cookies.get('__Host-ontrack_refresh')).not.toBe(before);
    expect((await browser.call('/me')).status).toBe(200);
  });

  it('signs out: the access and refresh tokens stop working, the cookies are cleared', async () => {
    const { browser } = await signIn('office@demo.test');
    const refresh = browser.cookies.get('__Host-ontrack_refresh');
    const access = browser.cookies.get('__Host-ontrack_access') ?? '';
    expect((await browser.call('/auth/sign-out', { method: 'POST' })).status).toBe(204);
    expect(browser.cookies.size).toBe(0);
    expect((await bearer(access, '/me')).status).toBe(401);
    expect((await callApi(api, '/auth/refresh', { method: 'POST', body: { refreshToken: refresh } })).status).toBe(401);
  });

  it('lists devices, signs out another one, then all others', async () => {
    const phone = await signIn('pm@demo.test', { mode: 'bearer' });
    const laptop = await signIn('pm@demo.test');
    const tablet = await signIn('pm@demo.test', { mode: 'bearer' });

    const listed = await laptop.browser.call<SessionList>('/auth/sessions');
    expect(listed.status).toBe(200);
    const current = listed.body.items.filter((item) => item.current);
    expect(current).toHaveLength(1);
    expect(current[0]?.authMethods).toEqual(['magic_link']);
    expect(current[0]?.lastSeenAt).toBeDefined();
    // The web app warns before these: idle within the absolute limit, both in the future.
    const { idleExpiresAt, expiresAt } = current[0] ?? { idleExpiresAt: '', expiresAt: '' };
    expect(Date.parse(idleExpiresAt)).toBeGreaterThan(Date.now());
    expect(Date.parse(idleExpiresAt)).toBeLessThanOrEqual(Date.parse(expiresAt));
    const phoneId = JSON.parse(Buffer.from(phone.body.accessToken.split('.')[1] ?? '', 'base64url').toString()).sid;
    expect(listed.body.items.map((item) => item.id)).toContain(phoneId);

    const revoked = await laptop.browser.call(`/auth/sessions/${phoneId}`, { method: 'DELETE' });
    expect(revoked.status).toBe(204);
    expect((await bearer(phone.body.accessToken, '/me')).status).toBe(401);
    const phoneRefresh = await callApi(api, '/auth/refresh', {
      method: 'POST',
      body: { refreshToken: phone.body.refreshToken },
    });
    expect(phoneRefresh.status).toBe(401);
    expect((await laptop.browser.call('/me')).status).toBe(200);

    const others = await laptop.browser.call<{ signedOut: number }>('/auth/sessions/sign-out-others', {
      method: 'POST',
    });
    expect(others.status).toBe(200);
    expect(others.body.signedOut).toBeGreaterThanOrEqual(1);
    expect((await bearer(tablet.body.accessToken, '/me')).status).toBe(401);
    expect((await laptop.browser.call('/me')).status).toBe(200);
  });

  it('keeps sessions private: another user can neither list nor revoke them (RLS)', async () => {
    const victim = await signIn('client@demo.test', { mode: 'bearer' });
    const victimSid = JSON.parse(Buffer.from(victim.body.accessToken.split('.')[1] ?? '', 'base64url').toString())
      .sid as string;
    const attacker = await signIn('office@demo.test', { mode: 'bearer' });

    const list = await bearer(attacker.body.accessToken, '/auth/sessions');
    const items = ((await list.json()) as SessionList).items;
    expect(items.map((item) => item.id)).not.toContain(victimSid);
    const revoke = await bearer(attacker.body.accessToken, `/auth/sessions/${victimSid}`, { method: 'DELETE' });
    expect(revoke.status).toBe(404);
    expect((await bearer(victim.body.accessToken, '/me')).status).toBe(200);
  });

  it('CSRF: a cookie request without the header is refused; with it, or with Bearer, it passes', async () => {
    const { browser, body } = await signIn('office@demo.test');
    const switchTo = (options: Parameters<TestBrowser['call']>[1]) =>
      browser.call('/auth/switch-tenant', { method: 'POST', body: { tenant: 'demo' }, ...options });

    const missing = await switchTo({ csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.detail).toMatch(/X-CSRF-Token/);
    expect((await switchTo({ csrf: false, headers: { 'x-csrf-token': 'not-the-cookie' } })).status).toBe(403);
    expect((await switchTo({})).status).toBe(200);
    expect(
      (await bearer(body.accessToken, '/auth/switch-tenant', { method: 'POST', body: { tenant: 'demo' } })).status,
    ).toBe(200);

    const forged = await browser.call('/auth/sessions/sign-out-others', {
      method: 'POST',
      csrf: false,
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      rawBody: 'confirm=yes',
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('content-type')).toMatch(/application\/problem\+json/);
    // Even with the right token, a foreign Origin is refused.
    const crossSite = await switchTo({ headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const fetchSite = await switchTo({ headers: { 'sec-fetch-site': 'cross-site' } });
    expect(fetchSite.status).toBe(403);
    // The web app's own origin passes.
    expect((await switchTo({ headers: { origin: APP_URL, 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    expect((await browser.call('/me')).status).toBe(200);
  });

  it('an Admin of demo (after the second factor) gets 403 for X-Tenant-ID other', async () => {
    const { browser, body } = await signIn('admin@demo.test', { mode: 'bearer' });
    // Admins must enrol a second factor: until then only the MFA routes accept the token.
    expect(body.mfaPending).toBe(true);
    const pending = await bearer(body.accessToken, '/tenant', { tenant: 'demo' });
    expect(pending.status).toBe(401);
    expect(((await pending.json()) as { detail: string }).detail).toMatch(/second factor/);
    expect(browser.cookies.has('__Host-ontrack_access')).toBe(false);

    // The MFA module verifies the factor; here its outcome is applied directly.
    const sid = JSON.parse(Buffer.from(body.accessToken.split('.')[1] ?? '', 'base64url').toString()).sid as string;
    const verified = await api.app.get(SessionService).markMfaVerified(sid, 'totp');
    expect((await bearer(verified.accessToken, '/tenant', { tenant: 'demo' })).status).toBe(200);
    const other = await bearer(verified.accessToken, '/tenant', { tenant: 'other' });
    expect(other.status).toBe(403);
    // The pre-MFA refresh token was retired with the verification.
    const stale = await callApi(api, '/auth/refresh', { method: 'POST', body: { refreshToken: body.refreshToken } });
    expect(stale.status).toBe(401);
  });

  it('a client-portal link is scoped to its business; not sent to non-members', async () => {
    const home = await createTestTenant(inject('ownerDatabaseUrl'), { client: { roles: ['client'] } });
    const elsewhere = await createTestTenant(inject('ownerDatabaseUrl'), { staff: { roles: ['office_staff'] } });
    const clientId = home.users.client;
    const [user] = await owner<{ email: string }[]>`select email from users where id = ${clientId}`;
    const email = user?.email ?? '';
    // The same person is also staff at another business.
    const { db, close } = createDatabase(inject('ownerDatabaseUrl'), { max: 1 });
    await db.transaction(async (tx) => {
      await applySessionContext(tx, { tenantId: elsewhere.id, system: 'test' });
      await tx.execute(sql`insert into memberships (tenant_id, user_id, status, activated_at)
                           values (${elsewhere.id}, ${clientId}, 'active', now())`);
      await tx.execute(sql`insert into user_roles (tenant_id, user_id, role_id)
                           values (${elsewhere.id}, ${clientId}, ${defaultRoleId(elsewhere.id, 'office_staff')})`);
    });
    await close();

    const { browser, body } = await signIn(email, { tenant: `rbac-${home.id}` });
    expect(body.mfaPending).toBe(false);
    expect((await browser.call<{ id: string }>('/tenant')).body.id).toBe(home.id);
    const there = await browser.call('/tenant', { headers: { 'x-tenant-id': elsewhere.id } });
    expect(there.status).toBe(403);
    expect(there.body.detail).toMatch(/client portal/);
    expect((await browser.call('/auth/switch-tenant', { method: 'POST', body: { tenant: elsewhere.id } })).status).toBe(
      403,
    );
    const sessions = await browser.call<SessionList>('/auth/sessions');
    expect(sessions.body.items.find((item) => item.current)?.portalTenantId).toBe(home.id);

    // A portal link for a business the address is no member of: the same 202, no mail.
    const since = smtp.messages.length;
    const stranger = await new TestBrowser(api).call('/auth/magic-link', {
      method: 'POST',
      body: { email, tenant: 'demo' },
    });
    expect(stranger.status).toBe(202);
    await requestLink(new TestBrowser(api), 'office@demo.test');
    expect(mailsTo(smtp, email, since)).toBe(0);
  });

  it('accepts tokens without a session (dev tokens, tests) outside production', async () => {
    expect((await callApi(api, '/me', { user: SEED_USER_IDS.demoOffice })).status).toBe(200);
  });
});
