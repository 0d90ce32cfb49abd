import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, isEmbeddable } from './security-headers';

const base = { nonce: 'abc123==', pathname: '/', development: false, https: false };

describe('contentSecurityPolicy', () => {
  it('allows only same-origin scripts carrying the nonce (and what they load), and forbids framing', () => {
    const policy = contentSecurityPolicy(base);
    expect(policy).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).toContain("style-src 'self' 'nonce-abc123=='");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe');
    expect(policy).not.toContain('upgrade-insecure-requests');
  });

  it('allows the same-origin service worker and web app manifest explicitly', () => {
    const policy = contentSecurityPolicy(base);
    // Not left to script-src: there 'strict-dynamic' makes the browser ignore 'self'.
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("manifest-src 'self'");
  });

  it('lets other sites frame the embeddable request form under /r only', () => {
    expect(contentSecurityPolicy({ ...base, pathname: '/r/evergreen' })).toContain('frame-ancestors *');
    expect(contentSecurityPolicy({ ...base, pathname: '/r' })).toContain('frame-ancestors *');
    expect(contentSecurityPolicy({ ...base, pathname: '/reports' })).toContain("frame-ancestors 'none'");
    expect(isEmbeddable('/r/x')).toBe(true);
    expect(isEmbeddable('/requests')).toBe(false);
  });

  it('adds eval and inline styles in development only, and upgrades insecure loads over https', () => {
    const development = contentSecurityPolicy({ ...base, development: true });
    expect(development).toContain("'unsafe-eval'");
    expect(development).toContain("style-src 'self' 'unsafe-inline'");
    expect(contentSecurityPolicy({ ...base, https: true })).toMatch(/; upgrade-insecure-requests$/);
  });
});

describe('createNonce', () => {
  it('is 128 random bits in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
