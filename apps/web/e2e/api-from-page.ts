import type { Page } from '@playwright/test';

/**
 * A call to the API from inside the page, as the web app makes it: same origin, the session cookies, and the
 * CSRF header read from the CSRF cookie. For test set-up that has no screen yet (or is not under test).
 */
export async function callApi<T>(
  page: Page,
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<{ status: number; data: T }> {
  return page.evaluate(
    async ({ path, method, body }) => {
      const csrf = document.cookie
        .split('; ')
        .find((pair) => pair.startsWith('__Host-ontrack_csrf='))
        ?.split('=')[1];
      const headers: Record<string, string> = { accept: 'application/json' };
      if (csrf) headers['X-CSRF-Token'] = decodeURIComponent(csrf);
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, data: (text ? JSON.parse(text) : undefined) as T };
    },
    { path, method, body },
  );
}
