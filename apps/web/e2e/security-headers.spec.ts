import { expect, type Page, type Response, test } from '@playwright/test';

declare global {
  interface Window {
    __cspViolations?: string[];
    __injected?: boolean;
  }
}

/** Records every CSP violation of the page, from the DOM event and from the console, before any script runs. */
async function watchCspViolations(page: Page): Promise<string[]> {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return consoleErrors;
}

async function violations(page: Page, consoleErrors: string[]): Promise<string[]> {
  const fromEvents = await page.evaluate(() => window.__cspViolations ?? []);
  return [...fromEvents, ...consoleErrors];
}

function csp(response: Response | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (response?.headers()['content-security-policy'] ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

test.describe('security headers', () => {
  test('pages get a nonce-based CSP, fresh on every response, and the fixed headers', async ({ page }) => {
    const first = await page.goto('/');
    const headers = first?.headers() ?? {};
    const policy = csp(first);
    const scripts = policy.get('script-src') ?? [];
    expect(scripts).toContain("'self'");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    const nonce = scripts.find((source) => source.startsWith("'nonce-"));
    expect(nonce).toBeDefined();
    expect(policy.get('style-src')).toContain(nonce);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['strict-transport-security']).toMatch(/^max-age=(\d+); includeSubDomains$/);
    expect(Number(/max-age=(\d+)/.exec(headers['strict-transport-security'] ?? '')?.[1])).toBeGreaterThanOrEqual(
      31_536_000,
    );
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) {
      expect(headers['permissions-policy']).toContain(feature);
    }
    // Next stamped this response's nonce on its scripts.
    const nonceValue = nonce?.slice("'nonce-".length, -1);
    const stamped = await page
      .locator('script[src^="/_next/"]')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
    expect(stamped.length).toBeGreaterThan(0);
    expect(new Set(stamped)).toEqual(new Set([nonceValue]));

    const second = await page.goto('/');
    expect(csp(second).get('script-src')).not.toContain(nonce);
  });

  test('the home and not-found pages run without any CSP violation, and injected inline script is blocked', async ({
    page,
  }) => {
    const consoleErrors = await watchCspViolations(page);
    await page.goto('/', { waitUntil: 'networkidle' });
    expect(await violations(page, consoleErrors)).toEqual([]);
    // The app's own scripts ran under the policy: Next's client runtime started (it sets window.next).
    await expect
      .poll(() => page.evaluate(() => typeof (window as { next?: { version?: string } }).next?.version))
      .toBe('string');

    await page.goto('/no-such-page', { waitUntil: 'networkidle' });
    expect(await violations(page, consoleErrors)).toEqual([]);

    // The watcher really sees violations: injected markup with an inline handler (an XSS) is refused.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img alt="" src="/csp-probe.png" onerror="window.__injected = true">',
      );
    });
    await expect.poll(() => violations(page, consoleErrors)).not.toEqual([]);
    expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  });

  test('static files carry nosniff and HSTS', async ({ page, request }) => {
    await page.goto('/');
    const src = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
    const asset = await request.get(src ?? '');
    expect(asset.status()).toBe(200);
    expect(asset.headers()['x-content-type-options']).toBe('nosniff');
    expect(asset.headers()['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  test('API responses through the web origin keep the API’s own headers', async ({ request }) => {
    const response = await request.get('/api/healthz');
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-security-policy']).toMatch(/^default-src 'none';/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('nonce-');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  test('Swagger UI at /api/docs renders through the web origin without CSP violations', async ({ page }) => {
    const consoleErrors = await watchCspViolations(page);
    const response = await page.goto('/api/docs', { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(csp(response).get('script-src')).toEqual(["'self'"]);
    await expect(page.locator('.swagger-ui .info .title')).toContainText('OnTrack API');
    expect(await violations(page, consoleErrors)).toEqual([]);
  });

  test('the embeddable request form path (/r/*) may be framed by other sites; other pages may not', async ({
    request,
  }) => {
    const embeddable = await request.get('/r/example');
    expect(embeddable.headers()['content-security-policy']).toContain('frame-ancestors *');
    expect(embeddable.headers()['x-frame-options']).toBeUndefined();
    const other = await request.get('/request-form');
    expect(other.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(other.headers()['x-frame-options']).toBe('DENY');
  });
});
