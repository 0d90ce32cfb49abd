import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

interface WebAppManifest {
  id?: string;
  name?: string;
  short_name?: string;
  start_url?: string;
  scope?: string;
  display?: string;
  theme_color?: string;
  background_color?: string;
  icons?: { src: string; sizes: string; type: string; purpose?: string }[];
}

function watchCsp(page: Page): string[] {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });
  return refusals;
}

/** Waits until a service worker controls the page (the first load registers it; it claims the page). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
      );
    }
  });
}

test.describe('installable web app', () => {
  test('links a valid manifest whose icons are served as PNGs of the stated sizes', async ({ page, request }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const response = await request.get(href ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as WebAppManifest;
    expect(manifest).toMatchObject({
      name: 'OnTrack',
      short_name: 'OnTrack',
      start_url: '/app',
      scope: '/',
      display: 'standalone',
      theme_color: '#0F3659',
      background_color: '#0F3659',
    });
    // Chromium's installability: a 192 px and a 512 px PNG, and one for launchers that mask icons.
    const pngs = (manifest.icons ?? []).filter((icon) => icon.type === 'image/png');
    expect(pngs.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(pngs.some((icon) => icon.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons ?? []) {
      const file = await request.get(icon.src);
      expect(file.status(), icon.src).toBe(200);
      expect(file.headers()['content-type'], icon.src).toBe(icon.type);
      if (icon.type !== 'image/png') continue;
      const body = await file.body();
      // PNG signature, then the IHDR chunk: width and height as 32-bit big-endian integers.
      expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
    }
  });

  test('registers the service worker under the CSP, without any violation', async ({ page }) => {
    const cspRefusals = watchCsp(page);
    const response = await page.goto('/');
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("manifest-src 'self'");
    await waitForServiceWorker(page);
    const registration = await page.evaluate(async () => {
      const active = await navigator.serviceWorker.ready;
      return { scope: active.scope, script: active.active?.scriptURL };
    });
    expect(new URL(registration.scope).pathname).toBe('/');
    expect(new URL(registration.script ?? '').pathname).toBe('/serwist/sw.js');
    expect(cspRefusals).toEqual([]);
  });
});

test.describe('offline', () => {
  test('a page that cannot be reached shows the offline page, in the visitor’s language', async ({ page, context }) => {
    const cspRefusals = watchCsp(page);
    await page.goto('/sign-in');
    await waitForServiceWorker(page);
    // The app shell is precached once the worker is active.
    const precached = await page.evaluate(async () => {
      const names = await caches.keys();
      const urls: string[] = [];
      for (const name of names) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(precached).toContain('/~offline');
    expect(precached.some((url) => url.startsWith('/_next/static/'))).toBe(true);

    await context.setOffline(true);
    try {
      await page.goto('/sign-in/check-email?never-visited=1');
      await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      // Shown at the address asked for, so "Try again" retries that page.
      await expect(page).toHaveURL(/\/sign-in\/check-email\?never-visited=1$/);
      await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
      await expectNoAxeViolations(page, 'offline page');
      // Trying again while still offline shows the same page, not the browser's error.
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
    } finally {
      await context.setOffline(false);
    }

    // Switching language stores the offline page again, in Spanish.
    await page.goto('/sign-in');
    await page.getByRole('form', { name: 'Language' }).getByRole('button', { name: 'Español' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const stored = await caches.match('/~offline');
          return stored ? /<html[^>]*lang="es"/.test(await stored.text()) : false;
        }),
      )
      .toBe(true);
    await context.setOffline(true);
    try {
      await page.goto('/app?offline-check=1');
      await expect(page.getByRole('heading', { level: 1, name: 'Sin conexión' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    } finally {
      await context.setOffline(false);
    }
    expect(cspRefusals).toEqual([]);
  });

  test('never stores an API response', async ({ page }) => {
    await page.goto('/');
    await waitForServiceWorker(page);
    const stored = await page.evaluate(async () => {
      await fetch('/api/healthz');
      await fetch('/api/v1/me').catch(() => undefined);
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((url) => url.startsWith('/api'))).toEqual([]);
  });
});
