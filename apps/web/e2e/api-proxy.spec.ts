import { expect, test } from '@playwright/test';

test.describe('same-origin API proxy', () => {
  test('serves the API health check through the web origin', async ({ page, baseURL }) => {
    await page.goto('/');
    // Fetched by the page itself, so this is exactly what the browser's own code gets from its origin.
    const result = await page.evaluate(async () => {
      const response = await fetch('/api/healthz', { headers: { accept: 'application/json' } });
      return {
        status: response.status,
        contentType: response.headers.get('content-type'),
        body: await response.json(),
      };
    });
    expect(result.status).toBe(200);
    expect(result.contentType).toMatch(/^application\/json/);
    expect(result.body).toMatchObject({ status: 'ok' });
    expect(page.url().startsWith(baseURL ?? '')).toBe(true);
  });
});
