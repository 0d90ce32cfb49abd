import { describe, expect, it } from 'vitest';
import { readCsrfToken } from './csrf';
import { createSessionFetch, REFRESH_PATH } from './session-fetch';

const ORIGIN = 'http://127.0.0.1:3000';

/**
 * A stand-in for the API behind the proxy: the access token is valid until `expire()`; a refresh (with the
 * right CSRF header) makes it valid again and rotates the CSRF cookie, as the real one does.
 */
function fakeApi() {
  let generation = 1;
  let accessValid = true;
  const state = {
    cookies: `theme=dark; __Host-ontrack_csrf=csrf-${generation}`,
    refreshes: 0,
    seen: [] as { method: string; path: string; csrf: string | null; body: string }[],
  };
  const rotate = () => {
    generation += 1;
    state.cookies = `theme=dark; __Host-ontrack_csrf=csrf-${generation}`;
  };
  const send = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const csrf = request.headers.get('x-csrf-token');
    state.seen.push({ method: request.method, path, csrf, body: await request.text() });
    // Let concurrent callers interleave as they would over a network.
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (path === REFRESH_PATH) {
      state.refreshes += 1;
      if (csrf !== readCsrfToken(state.cookies)) return new Response(null, { status: 403 });
      accessValid = true;
      rotate();
      return Response.json({ mfaPending: false });
    }
    if (path === '/api/v1/auth/mfa/verify') {
      return Response.json({ status: 401, title: 'Unauthorized', code: 'invalid_code' }, { status: 401 });
    }
    if (!accessValid) return Response.json({ status: 401, title: 'Unauthorized' }, { status: 401 });
    return Response.json({ ok: true });
  };
  return {
    state,
    expire: () => {
      accessValid = false;
    },
    refreshElsewhere: () => {
      accessValid = true;
      rotate();
    },
    sessionFetch: createSessionFetch({ send, cookies: () => state.cookies, withLock: (run) => run() }),
  };
}

const post = (path: string, body: unknown) =>
  new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

describe('createSessionFetch', () => {
  it('sends the CSRF cookie as X-CSRF-Token on requests that change something, not on reads', async () => {
    const api = fakeApi();
    await api.sessionFetch(new Request(`${ORIGIN}/api/v1/me`));
    await api.sessionFetch(post('/api/v1/auth/sign-out', {}));
    expect(api.state.seen.map(({ method, csrf }) => [method, csrf])).toEqual([
      ['GET', null],
      ['POST', 'csrf-1'],
    ]);
  });

  it('refreshes once on a 401 and retries the request with its body and the new CSRF token', async () => {
    const api = fakeApi();
    api.expire();
    const response = await api.sessionFetch(post('/api/v1/things', { name: 'x' }));
    expect(response.status).toBe(200);
    expect(api.state.seen.map(({ path, csrf, body }) => [path, csrf, body])).toEqual([
      ['/api/v1/things', 'csrf-1', '{"name":"x"}'],
      [REFRESH_PATH, 'csrf-1', ''],
      ['/api/v1/things', 'csrf-2', '{"name":"x"}'],
    ]);
  });

  it('shares one refresh between requests that fail together (a refresh token works once)', async () => {
    const api = fakeApi();
    api.expire();
    const responses = await Promise.all([
      api.sessionFetch(new Request(`${ORIGIN}/api/v1/me`)),
      api.sessionFetch(new Request(`${ORIGIN}/api/v1/tenant`)),
      api.sessionFetch(post('/api/v1/things', {})),
    ]);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(api.state.refreshes).toBe(1);
  });

  it('only retries when another tab refreshed while the request was out', async () => {
    const api = fakeApi();
    api.expire();
    const pending = api.sessionFetch(new Request(`${ORIGIN}/api/v1/me`));
    api.refreshElsewhere();
    expect((await pending).status).toBe(200);
    expect(api.state.refreshes).toBe(0);
  });

  it('refreshes on demand ("stay signed in"), once for callers asking together, with the CSRF header', async () => {
    const api = fakeApi();
    const [first, second] = await Promise.all([api.sessionFetch.refresh(ORIGIN), api.sessionFetch.refresh(ORIGIN)]);
    expect([first, second]).toEqual([true, true]);
    expect(api.state.refreshes).toBe(1);
    expect(api.state.seen.at(-1)).toMatchObject({ method: 'POST', path: REFRESH_PATH, csrf: 'csrf-1' });
    expect(readCsrfToken(api.state.cookies)).toBe('csrf-2');
  });

  it('does not refresh for a refused sign-in step or a wrong authenticator code', async () => {
    const api = fakeApi();
    api.expire();
    const link = await api.sessionFetch(post('/api/v1/auth/magic-link/verify', { token: 't' }));
    const code = await api.sessionFetch(post('/api/v1/auth/mfa/verify', { code: '000000' }));
    expect([link.status, code.status]).toEqual([401, 401]);
    expect(api.state.refreshes).toBe(0);
  });

  it('answers the first 401 when the refresh is refused, without retrying', async () => {
    const api = fakeApi();
    api.expire();
    api.state.cookies = 'theme=dark';
    const response = await api.sessionFetch(new Request(`${ORIGIN}/api/v1/me`));
    expect(response.status).toBe(401);
    expect(api.state.seen.map(({ path }) => path)).toEqual(['/api/v1/me', REFRESH_PATH]);
  });
});
