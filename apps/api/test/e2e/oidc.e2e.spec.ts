import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newId } from '@ontrack/db/ids';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OidcStateSealer } from '../../src/modules/auth/oidc/oidc-state-cookie.js';
import { DEV_AUTH_JWT_SECRET } from '../../src/platform/config/config.schema.js';
import { startTestIssuer, type TestIssuer } from '../support/oidc-provider.js';
import { createTestTenant } from './rbac-helpers.js';
import { callApi, type RunningApi, startApi } from './start-api.js';

/** The web app's origin: it serves the API under /api, so the provider redirects back to it. */
const APP_URL = 'https://app.ontrack.test';
const STATE_COOKIE = '__Host-ontrack_oidc';
const callbackOf = (provider: string) => `${APP_URL}/api/v1/auth/oidc/${provider}/callback`;

/** Set-Cookie lines of a response by cookie name. */
function setCookies(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf('=')), line]));
}

const cookieValue = (line: string | undefined) => line?.slice(line.indexOf('=') + 1).split(';')[0];

/** The sealed cookie with one character of its ciphertext changed (every bit of a middle character counts). */
function tampered(sealed: string): string {
  const parts = sealed.split('.');
  const ciphertext = parts[3] ?? '';
  const middle = Math.floor(ciphertext.length / 2);
  parts[3] = `${ciphertext.slice(0, middle)}${ciphertext[middle] === 'A' ? 'B' : 'A'}${ciphertext.slice(middle + 1)}`;
  return parts.join('.');
}

/** A browser's cookies for one site, as far as these redirects need (names are distinct, so paths are ignored). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const [name, line] of setCookies(response)) {
      const value = cookieValue(line) ?? '';
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

interface Started {
  authorizeUrl: URL;
  stateCookie: string;
  setCookieLine: string;
}

interface Finished {
  status: number;
  location: string;
  cookies: Map<string, string>;
}

describe('sign-in with an OpenID Connect provider (authorization code + PKCE, state, nonce)', () => {
  let api: RunningApi;
  let acme: TestIssuer;
  let plain: TestIssuer;
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
  const sealer = new OidcStateSealer(DEV_AUTH_JWT_SECRET);

  beforeAll(async () => {
    acme = await startTestIssuer({ redirectUri: callbackOf('acme') });
    // Puts email claims in UserInfo only (OIDC Core §5.4), like many enterprise issuers.
    plain = await startTestIssuer({ redirectUri: callbackOf('plain'), conformIdTokenClaims: true });
    // A port where nothing listens: discovery of this issuer fails.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const deadPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    const provider = (id: string, name: string, issuer: TestIssuer | string) => ({
      id,
      name,
      issuer: typeof issuer === 'string' ? issuer : issuer.issuer,
      clientId: typeof issuer === 'string' ? 'nobody' : issuer.clientId,
      clientSecret: typeof issuer === 'string' ? 'nothing' : issuer.clientSecret,
    });
    api = await startApi({
      APP_URL,
      GOOGLE_CLIENT_ID: 'google-client-id',
      GOOGLE_CLIENT_SECRET: 'google-client-secret',
      OIDC_PROVIDERS: JSON.stringify([
        provider('acme', 'Acme SSO', acme),
        provider('plain', 'Plain OIDC', plain),
        provider('broken', 'Broken SSO', `http://127.0.0.1:${deadPort}`),
      ]),
    });
  });
  afterAll(async () => {
    await api?.close();
    await acme?.close();
    await plain?.close();
    await owner.end();
  });

  async function createUser(email: string): Promise<string> {
    const id = newId();
    await owner.begin(async (sql) => {
      await sql`select set_config('app.context', 'system:test', true)`;
      await sql`insert into users (id, email, name) values (${id}, ${email}, 'OIDC Test')`;
    });
    return id;
  }
  const uniqueEmail = (label: string) => `${label}-${newId()}@oidc.test`;

  const identitiesOf = (userId: string) =>
    owner<{ provider: string; subject: string; email: string | null }[]>`
      select provider, subject, email from user_identities where user_id = ${userId} order by created_at`;
  const sessionsOf = (userId: string) =>
    owner<{ auth_methods: string[]; portal_tenant_id: string | null }[]>`
      select auth_methods, portal_tenant_id from sessions where user_id = ${userId} order by created_at`;

  async function start(provider: string, query = ''): Promise<Started> {
    const response = await fetch(`${api.baseUrl}/api/v1/auth/oidc/${provider}/start${query}`, { redirect: 'manual' });
    expect(response.status, await response.clone().text()).toBe(302);
    const line = setCookies(response).get(STATE_COOKIE);
    const stateCookie = cookieValue(line);
    if (!line || !stateCookie) throw new Error('no state cookie');
    return { authorizeUrl: new URL(response.headers.get('location') ?? ''), stateCookie, setCookieLine: line };
  }

  /** The user at the provider: logs in as `sub`, consents, and is sent back; returns the callback URL. */
  async function authorize(authorizeUrl: URL, sub: string): Promise<URL> {
    const issuer = [acme, plain].find((candidate) => authorizeUrl.href.startsWith(candidate.issuer));
    if (!issuer) throw new Error(`not a test issuer: ${authorizeUrl.href}`);
    issuer.loginAs(sub);
    const jar = new CookieJar();
    let url = authorizeUrl;
    for (let hop = 0; hop < 10; hop++) {
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
      jar.store(response);
      const location = response.headers.get('location');
      if (!location)
        throw new Error(`the provider stopped at ${url.pathname}: ${response.status} ${await response.text()}`);
      const next = new URL(location, url);
      if (next.origin === APP_URL) return next;
      url = next;
    }
    throw new Error('too many redirects at the provider');
  }

  /** The browser follows the provider's redirect to the web app, which proxies /api/* to the API. */
  async function callback(callbackUrl: URL, stateCookie: string | undefined): Promise<Finished> {
    const response = await fetch(`${api.baseUrl}${callbackUrl.pathname}${callbackUrl.search}`, {
      redirect: 'manual',
      // What a browser sends on the provider's top-level redirect back (a cross-site navigation).
      headers: {
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'navigate',
        ...(stateCookie ? { cookie: `${STATE_COOKIE}=${stateCookie}` } : {}),
      },
    });
    return { status: response.status, location: response.headers.get('location') ?? '', cookies: setCookies(response) };
  }

  async function signIn(provider: string, sub: string, query = ''): Promise<Finished> {
    const started = await start(provider, query);
    return callback(await authorize(started.authorizeUrl, sub), started.stateCookie);
  }

  const refusedWith = (code: string) => `${APP_URL}/sign-in?error=${code}`;

  it('lists the configured providers for the sign-in page', async () => {
    const { status, body } = await callApi(api, '/auth/providers');
    expect(status).toBe(200);
    expect(body).toEqual({
      providers: [
        { id: 'google', name: 'Google' },
        { id: 'acme', name: 'Acme SSO' },
        { id: 'plain', name: 'Plain OIDC' },
        { id: 'broken', name: 'Broken SSO' },
      ],
    });
  });

  it('start redirects to the provider with PKCE S256, state and nonce, kept in a sealed Lax __Host- cookie', async () => {
    const { authorizeUrl, stateCookie, setCookieLine } = await start('acme', '?returnTo=%2Fjobs');
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(`${acme.issuer}/auth`);
    const params = authorizeUrl.searchParams;
    expect(params.get('client_id')).toBe(acme.clientId);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('redirect_uri')).toBe(callbackOf('acme'));
    expect(params.get('scope')).toBe('openid email profile');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')?.length).toBeGreaterThanOrEqual(43);
    expect(params.get('nonce')?.length).toBeGreaterThanOrEqual(43);

    expect(setCookieLine).toMatch(/; Path=\//);
    expect(setCookieLine).toMatch(/; Secure/);
    expect(setCookieLine).toMatch(/; HttpOnly/);
    expect(setCookieLine).toMatch(/; SameSite=Lax/);
    expect(setCookieLine).toMatch(/; Max-Age=600/);
    expect(setCookieLine).not.toMatch(/Domain=/i);
    // Encrypted: neither the verifier nor the state can be read from the cookie.
    expect(stateCookie.split('.')).toHaveLength(5);
    expect(stateCookie).not.toContain(params.get('state'));
    const flow = await sealer.open(stateCookie);
    expect(flow).toMatchObject({ provider: 'acme', state: params.get('state'), nonce: params.get('nonce') });
    expect(await sealer.open(tampered(stateCookie))).toBeUndefined();
  });

  it('signs in a user by verified email, links the identity, and finds it by subject later', async () => {
    const email = uniqueEmail('linked');
    const userId = await createUser(email);
    const sub = `acme-${newId()}`;
    acme.setAccount(sub, { email: email.toUpperCase(), email_verified: true, name: 'Linked' });

    const first = await signIn('acme', sub, '?returnTo=%2Fjobs%3Fview%3Dweek');
    expect(first.status).toBe(302);
    expect(first.location).toBe(`${APP_URL}/jobs?view=week`);
    expect(first.cookies.get(STATE_COOKIE)).toMatch(/Max-Age=0/);
    const access = cookieValue(first.cookies.get('__Host-ontrack_access'));
    expect(access).toBeTruthy();
    expect(first.cookies.get('__Host-ontrack_refresh')).toMatch(/HttpOnly/);
    expect(await identitiesOf(userId)).toEqual([{ provider: 'acme', subject: sub, email: email.toUpperCase() }]);
    expect(await sessionsOf(userId)).toMatchObject([{ auth_methods: ['oidc:acme'], portal_tenant_id: null }]);

    // The session works: the web app's requests carry the access cookie.
    const me = await fetch(`${api.baseUrl}/api/v1/me`, { headers: { cookie: `__Host-ontrack_access=${access}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: userId });

    // The address changed at the provider (and is no longer verified): the subject still identifies the user.
    const newAddress = uniqueEmail('renamed');
    acme.setAccount(sub, { email: newAddress, email_verified: false });
    const second = await signIn('acme', sub);
    expect(second.location).toBe(`${APP_URL}/`);
    expect(second.cookies.get('__Host-ontrack_access')).toBeTruthy();
    expect(await identitiesOf(userId)).toEqual([{ provider: 'acme', subject: sub, email: newAddress }]);
    expect(await sessionsOf(userId)).toHaveLength(2);
  });

  it('reads the email from UserInfo when the ID token carries none', async () => {
    const email = uniqueEmail('userinfo');
    const userId = await createUser(email);
    const sub = `plain-${newId()}`;
    plain.setAccount(sub, { email, email_verified: true });
    const result = await signIn('plain', sub);
    expect(result.location).toBe(`${APP_URL}/`);
    expect(await identitiesOf(userId)).toEqual([{ provider: 'plain', subject: sub, email }]);
  });

  it('refuses an unverified or missing email, and an email no user has (no sign-up)', async () => {
    const email = uniqueEmail('unverified');
    const userId = await createUser(email);
    const unverified = `acme-${newId()}`;
    acme.setAccount(unverified, { email, email_verified: false });
    const refused = await signIn('acme', unverified, '?returnTo=%2Fjobs');
    expect(refused.status).toBe(302);
    expect(refused.location).toBe(`${refusedWith('oidc_email_unverified')}&returnTo=%2Fjobs`);
    expect(refused.cookies.has('__Host-ontrack_access')).toBe(false);
    expect(refused.cookies.get(STATE_COOKIE)).toMatch(/Max-Age=0/);

    const noClaim = `acme-${newId()}`;
    acme.setAccount(noClaim, { email });
    expect((await signIn('acme', noClaim)).location).toBe(refusedWith('oidc_email_unverified'));
    const noEmail = `acme-${newId()}`;
    acme.setAccount(noEmail, { name: 'No Email' });
    expect((await signIn('acme', noEmail)).location).toBe(refusedWith('oidc_email_unverified'));

    const stranger = `acme-${newId()}`;
    acme.setAccount(stranger, { email: uniqueEmail('stranger'), email_verified: true });
    const unknown = await signIn('acme', stranger);
    expect(unknown.location).toBe(refusedWith('oidc_no_account'));
    expect(unknown.cookies.has('__Host-ontrack_access')).toBe(false);

    expect(await identitiesOf(userId)).toEqual([]);
    expect(await sessionsOf(userId)).toEqual([]);
    expect(
      await owner`select 1 from user_identities where subject = any(${[noClaim, noEmail, stranger]})`,
    ).toHaveLength(0);
  });

  it('does not link a second account of the same provider to a user', async () => {
    const email = uniqueEmail('conflict');
    const userId = await createUser(email);
    const firstSub = `acme-${newId()}`;
    const secondSub = `acme-${newId()}`;
    acme.setAccount(firstSub, { email, email_verified: true });
    acme.setAccount(secondSub, { email, email_verified: true });
    expect((await signIn('acme', firstSub)).location).toBe(`${APP_URL}/`);
    expect((await signIn('acme', secondSub)).location).toBe(refusedWith('oidc_identity_conflict'));
    expect((await identitiesOf(userId)).map((identity) => identity.subject)).toEqual([firstSub]);
  });

  it('refuses a callback without the state cookie, with another attempt’s cookie, or with a forged state', async () => {
    const email = uniqueEmail('state');
    const userId = await createUser(email);
    const sub = `acme-${newId()}`;
    acme.setAccount(sub, { email, email_verified: true });

    const attempt = await start('acme');
    const callbackUrl = await authorize(attempt.authorizeUrl, sub);
    expect((await callback(callbackUrl, undefined)).location).toBe(refusedWith('oidc_invalid_state'));

    const other = await start('acme');
    expect((await callback(callbackUrl, other.stateCookie)).location).toBe(refusedWith('oidc_invalid_state'));

    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'forged-state-value');
    expect((await callback(forged, attempt.stateCookie)).location).toBe(refusedWith('oidc_invalid_state'));

    // A cookie altered by one character does not open.
    expect((await callback(callbackUrl, tampered(attempt.stateCookie))).location).toBe(
      refusedWith('oidc_invalid_state'),
    );

    // The provider's redirect for one provider does not complete a sign-in started with another.
    const viaPlain = new URL(callbackUrl.href.replace('/oidc/acme/', '/oidc/plain/'));
    expect((await callback(viaPlain, attempt.stateCookie)).location).toBe(refusedWith('oidc_invalid_state'));

    expect(await sessionsOf(userId)).toEqual([]);
    // The untouched pair still works: the refusals above were about state, not about this code.
    expect((await callback(callbackUrl, attempt.stateCookie)).location).toBe(`${APP_URL}/`);
    expect(await sessionsOf(userId)).toHaveLength(1);
  });

  it('enforces PKCE and the nonce: a state cookie re-sealed with another verifier or nonce fails', async () => {
    const email = uniqueEmail('pkce');
    const userId = await createUser(email);
    const sub = `acme-${newId()}`;
    acme.setAccount(sub, { email, email_verified: true });

    const tamperedRun = async (change: { codeVerifier?: string; nonce?: string }) => {
      const attempt = await start('acme');
      const flow = await sealer.open(attempt.stateCookie);
      if (!flow) throw new Error('the state cookie did not open');
      const resealed = await sealer.seal({ ...flow, ...change });
      return callback(await authorize(attempt.authorizeUrl, sub), resealed);
    };

    // Someone who steals a code but not the verifier cannot exchange it (the provider checks S256).
    const wrongVerifier = await tamperedRun({ codeVerifier: 'x'.repeat(43) });
    expect(wrongVerifier.location).toBe(refusedWith('oidc_failed'));
    // An ID token minted for another attempt's nonce is refused by openid-client.
    const wrongNonce = await tamperedRun({ nonce: 'another-attempt-nonce-0123456789abcdefghijklm' });
    expect(wrongNonce.location).toBe(refusedWith('oidc_failed'));
    expect(await sessionsOf(userId)).toEqual([]);
    expect(await identitiesOf(userId)).toEqual([]);

    // Re-sealing alone changes nothing: the same run without a change signs in.
    expect((await tamperedRun({})).location).toBe(`${APP_URL}/`);
  });

  it('keeps returnTo to a path of the web app: absolute and scheme-relative URLs become /', async () => {
    for (const returnTo of ['https://evil.test/x', '//evil.test/x', '/\\evil.test', 'javascript:alert(1)', 'jobs']) {
      const { stateCookie } = await start('acme', `?returnTo=${encodeURIComponent(returnTo)}`);
      expect((await sealer.open(stateCookie))?.returnTo, returnTo).toBe('/');
    }
    const { stateCookie } = await start('acme', `?returnTo=${encodeURIComponent('/invoices/1?tab=lines#top')}`);
    expect((await sealer.open(stateCookie))?.returnTo).toBe('/invoices/1?tab=lines#top');

    const email = uniqueEmail('redirect');
    await createUser(email);
    const sub = `acme-${newId()}`;
    acme.setAccount(sub, { email, email_verified: true });
    expect((await signIn('acme', sub, `?returnTo=${encodeURIComponent('//evil.test')}`)).location).toBe(`${APP_URL}/`);
  });

  it('redirects to the sign-in page when the user cancels at the provider', async () => {
    const attempt = await start('acme');
    const denied = new URL(callbackOf('acme'));
    denied.searchParams.set('error', 'access_denied');
    denied.searchParams.set('state', attempt.authorizeUrl.searchParams.get('state') ?? '');
    denied.searchParams.set('iss', acme.issuer);
    const result = await callback(denied, attempt.stateCookie);
    expect(result.status).toBe(302);
    expect(result.location).toBe(refusedWith('oidc_denied'));
  });

  it('a portal sign-in is scoped to the business, for its members only', async () => {
    const tenant = await createTestTenant(inject('ownerDatabaseUrl'), { client: { roles: ['client'] } });
    const [member] = await owner<{ email: string; slug: string }[]>`
      select u.email, t.slug from users u, tenants t where u.id = ${tenant.users.client} and t.id = ${tenant.id}`;
    if (!member) throw new Error('test tenant missing');
    const sub = `acme-${newId()}`;
    acme.setAccount(sub, { email: member.email, email_verified: true });

    const signedIn = await signIn('acme', sub, `?tenant=${member.slug}&returnTo=%2Fportal`);
    expect(signedIn.location).toBe(`${APP_URL}/portal`);
    expect(await sessionsOf(tenant.users.client)).toMatchObject([{ portal_tenant_id: tenant.id }]);

    const elsewhere = await signIn('acme', sub, '?tenant=other');
    expect(elsewhere.location).toBe(refusedWith('oidc_no_membership'));
    expect(await sessionsOf(tenant.users.client)).toHaveLength(1);
  });

  it('sends a user who owes a second factor to the web app’s MFA step', async () => {
    const tenant = await createTestTenant(inject('ownerDatabaseUrl'), { admin: { roles: ['admin'] } });
    const [admin] = await owner<{ email: string }[]>`select email from users where id = ${tenant.users.admin}`;
    const sub = `acme-${newId()}`;
    acme.setAccount(sub, { email: admin?.email, email_verified: true });
    const result = await signIn('acme', sub, '?returnTo=%2Fjobs');
    expect(result.location).toBe(`${APP_URL}/sign-in/mfa?returnTo=%2Fjobs`);
  });

  it('a provider whose discovery fails answers 503; the others keep working', async () => {
    const broken = await fetch(`${api.baseUrl}/api/v1/auth/oidc/broken/start`, { redirect: 'manual' });
    expect(broken.status).toBe(503);
    expect(broken.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await broken.json()).toMatchObject({ status: 503, detail: expect.stringContaining('Broken SSO') });
    // Still 503 on the next try (without waiting on the dead issuer again), and acme is unaffected.
    expect((await fetch(`${api.baseUrl}/api/v1/auth/oidc/broken/start`, { redirect: 'manual' })).status).toBe(503);
    expect((await start('acme')).authorizeUrl.origin).toBe(new URL(acme.issuer).origin);

    const unknown = await callApi(api, '/auth/oidc/nobody/start');
    expect(unknown.status).toBe(404);
  });
});
