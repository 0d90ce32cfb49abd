import { safeReturnTo } from '@ontrack/schemas/auth-oidc';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config/load-config.js';
import { configuredProviders } from './oidc-providers.js';
import { emailIsVerified } from './oidc-sign-in.service.js';

const base = { APP_DATABASE_URL: 'postgres://ontrack_app:secret@127.0.0.1:5432/ontrack' };
const acme = {
  id: 'acme',
  name: 'Acme SSO',
  issuer: 'https://sso.acme.example',
  clientId: 'client',
  clientSecret: 'very-secret-value',
};
const problemsOf = (env: Record<string, string>): string => {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
};

describe('returnTo after a sign-in', () => {
  it('keeps paths of the web app', () => {
    expect(safeReturnTo('/jobs')).toBe('/jobs');
    expect(safeReturnTo('/invoices/1?tab=lines#top')).toBe('/invoices/1?tab=lines#top');
    expect(safeReturnTo('/a/../b')).toBe('/b');
  });

  it.each([
    'https://evil.test/',
    '//evil.test',
    '///evil.test',
    '/\\evil.test',
    '/\t/evil.test',
    'javascript:alert(1)',
    'jobs',
    '',
    `/${'a'.repeat(2_000)}`,
  ])('refuses %j', (value) => {
    expect(safeReturnTo(value)).toBeUndefined();
  });
});

describe('whose email is verified', () => {
  it('OIDC: only email_verified === true', () => {
    expect(emailIsVerified('email_verified', { email_verified: true })).toBe(true);
    expect(emailIsVerified('email_verified', { email_verified: 'true' })).toBe(false);
    expect(emailIsVerified('email_verified', {})).toBe(false);
  });

  it('Microsoft: only with the xms_edov optional claim, whatever email_verified says', () => {
    expect(emailIsVerified('microsoft', { xms_edov: true })).toBe(true);
    expect(emailIsVerified('microsoft', { xms_edov: '1' })).toBe(true);
    expect(emailIsVerified('microsoft', { xms_edov: false })).toBe(false);
    expect(emailIsVerified('microsoft', { email_verified: true })).toBe(false);
    expect(emailIsVerified('microsoft', {})).toBe(false);
  });
});

describe('OIDC configuration', () => {
  it('offers Google and Microsoft when their client is set, then the configured issuers in order', () => {
    const config = loadConfig({
      ...base,
      GOOGLE_CLIENT_ID: 'g',
      GOOGLE_CLIENT_SECRET: 'gs',
      MICROSOFT_CLIENT_ID: 'm',
      MICROSOFT_CLIENT_SECRET: 'ms',
      OIDC_PROVIDERS: JSON.stringify([acme, { ...acme, id: 'beta', name: 'Beta', scopes: 'groups' }]),
    });
    expect(configuredProviders(config).map(({ id, issuer, scope }) => ({ id, issuer, scope }))).toEqual([
      { id: 'google', issuer: 'https://accounts.google.com', scope: 'openid email profile' },
      { id: 'microsoft', issuer: 'https://login.microsoftonline.com/common/v2.0', scope: 'openid email profile' },
      { id: 'acme', issuer: 'https://sso.acme.example', scope: 'openid email profile' },
      { id: 'beta', issuer: 'https://sso.acme.example', scope: 'openid email profile groups' },
    ]);
    expect(configuredProviders(loadConfig(base))).toEqual([]);
  });

  it('uses MICROSOFT_TENANT in the issuer', () => {
    const config = loadConfig({
      ...base,
      MICROSOFT_CLIENT_ID: 'm',
      MICROSOFT_CLIENT_SECRET: 'ms',
      MICROSOFT_TENANT: 'contoso.onmicrosoft.com',
    });
    expect(configuredProviders(config)[0]?.issuer).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0',
    );
  });

  it('wants a client id and its secret together', () => {
    expect(problemsOf({ GOOGLE_CLIENT_ID: 'g' })).toMatch(
      /GOOGLE_CLIENT_SECRET is missing: is required with GOOGLE_CLIENT_ID/,
    );
    expect(problemsOf({ MICROSOFT_CLIENT_SECRET: 's' })).toMatch(/MICROSOFT_CLIENT_ID is missing/);
  });

  it('names the entry and field of a wrong OIDC_PROVIDERS, without echoing secrets', () => {
    expect(problemsOf({ OIDC_PROVIDERS: '{not json' })).toMatch(/OIDC_PROVIDERS is invalid: must be a JSON array/);
    const message = problemsOf({
      OIDC_PROVIDERS: JSON.stringify([acme, { ...acme, id: 'Bad Id', issuer: 'http://sso.example' }]),
    });
    expect(message).toMatch(/OIDC_PROVIDERS is invalid: \[1\]\.id: must be 1-32 lower-case/);
    expect(message).toMatch(/\[1\]\.issuer: must be an https:\/\/ URL/);
    expect(message).not.toContain('very-secret-value');
    expect(problemsOf({ OIDC_PROVIDERS: JSON.stringify([acme, acme]) })).toMatch(/ids must be unique/);
    expect(problemsOf({ OIDC_PROVIDERS: JSON.stringify([{ ...acme, id: 'google' }]) })).toMatch(
      /google and microsoft are configured with their own variables/,
    );
  });

  it('accepts a plain-http issuer on a loopback address outside production only', () => {
    const local = JSON.stringify([{ ...acme, issuer: 'http://127.0.0.1:4455' }]);
    expect(loadConfig({ ...base, OIDC_PROVIDERS: local }).OIDC_PROVIDERS?.[0]?.issuer).toBe('http://127.0.0.1:4455');
    expect(
      problemsOf({
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: 'x'.repeat(32),
        SMTP_URL: 'smtp://127.0.0.1:25',
        OIDC_PROVIDERS: local,
      }),
    ).toMatch(/OIDC_PROVIDERS is invalid: provider acme: the issuer must be https:\/\/ in production/);
  });
});
