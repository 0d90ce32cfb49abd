import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CSP, API_DOCS_CSP } from '../../src/platform/http/security-headers.js';
import { type RunningApi, startApi } from './start-api.js';

/** The CSP as a map of directive → sources. */
function parseCsp(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Sources that govern scripts: script-src, else default-src (CSP3 fallback). */
function scriptSources(csp: Map<string, string[]>): string[] {
  return csp.get('script-src') ?? csp.get('default-src') ?? [];
}

describe('security headers of the API', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.baseUrl}${path}`, { headers });

  function expectCommonHeaders(response: Response, label: string): void {
    const hsts = response.headers.get('strict-transport-security') ?? '';
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1]), `${label}: HSTS max-age`).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts, label).toMatch(/includeSubDomains/);
    expect(response.headers.get('x-content-type-options'), label).toBe('nosniff');
    expect(response.headers.get('x-frame-options'), label).toBe('DENY');
    expect(response.headers.get('referrer-policy'), label).toBe('no-referrer');
    const permissions = response.headers.get('permissions-policy') ?? '';
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()']) {
      expect(permissions, label).toContain(feature);
    }
    expect(response.headers.get('x-powered-by'), label).toBeNull();
  }

  it('sends the full set on JSON answers, errors included, with a CSP that allows nothing', async () => {
    const cases: [string, string, number][] = [
      ['health', '/api/healthz', 200],
      ['openapi', '/api/openapi.json', 200],
      ['unauthenticated', '/api/v1/tenant', 401],
      ['not found', '/api/v1/no-such-route', 404],
    ];
    for (const [label, path, status] of cases) {
      const response = await get(path);
      await response.arrayBuffer();
      expect(response.status, label).toBe(status);
      expectCommonHeaders(response, label);
      const csp = parseCsp(response.headers.get('content-security-policy'));
      expect(response.headers.get('content-security-policy'), label).toBe(API_CSP);
      expect(csp.get('default-src'), label).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), label).toEqual(["'none'"]);
    }
    // The spec itself is still served as JSON.
    const spec = (await (await get('/api/openapi.json')).json()) as { openapi: string };
    expect(spec.openapi).toMatch(/^3\.1/);
  });

  it('lets Swagger UI at /api/docs load its own scripts and styles, and nothing from elsewhere', async () => {
    const page = await get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expectCommonHeaders(page, 'docs');
    expect(page.headers.get('content-security-policy')).toBe(API_DOCS_CSP);
    const csp = parseCsp(page.headers.get('content-security-policy'));
    expect(scriptSources(csp)).toEqual(["'self'"]);
    expect(csp.get('style-src')).toContain("'self'");
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);

    const html = await page.text();
    // 'self' only: every script must be an external file of this origin, none inline.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      const src = /\bsrc=["']([^"']+)["']/.exec(attributes ?? '')?.[1];
      expect(src, 'an inline script would be blocked by the CSP').toBeDefined();
      expect(body?.trim()).toBe('');
      const url = new URL(src as string, `${api.baseUrl}/api/docs/`);
      expect(url.origin).toBe(api.baseUrl);
      const asset = await fetch(url);
      expect(asset.status, url.pathname).toBe(200);
      // nosniff: a script is only run when served as JavaScript.
      expect(asset.headers.get('content-type'), url.pathname).toMatch(/javascript/);
      expect((await asset.text()).length, url.pathname).toBeGreaterThan(0);
    }
    // Inline <style> blocks of the page need 'unsafe-inline' in style-src.
    if (/<style\b/.test(html)) expect(csp.get('style-src')).toContain("'unsafe-inline'");
    for (const [, href] of html.matchAll(/<link\b[^>]*rel=["']stylesheet["'][^>]*href=["']([^"']+)["']/g)) {
      expect(new URL(href as string, `${api.baseUrl}/api/docs/`).origin).toBe(api.baseUrl);
    }
  });
});
