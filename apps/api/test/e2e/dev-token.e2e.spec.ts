import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { SessionList } from '@ontrack/schemas/auth';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningApi, startApi } from './start-api.js';

const run = promisify(execFile);
// Both sides sign and verify with this key (not whatever a local `npm start` left in .data/secrets.json).
const TEST_AUTH_JWT_SECRET = 'dev-token-e2e-secret-0123456789abcdef0123456789';
const root = new URL('../../../../', import.meta.url).pathname;

/**
 * `npm run auth:dev-token` (the README's curl tour) must give a token the API accepts in production mode,
 * where every token has to name a live session: the CLI opens one.
 */
let api: RunningApi;

beforeAll(async () => {
  api = await startApi({ AUTH_JWT_SECRET: TEST_AUTH_JWT_SECRET });
});
afterAll(() => api?.close());

async function devToken(email: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--conditions=@ontrack/source', '--import', 'tsx', 'apps/api/src/cli/dev-token.ts', email],
    {
      cwd: root,
      env: {
        ...process.env,
        // The API's tsconfig: its decorators need experimentalDecorators.
        TSX_TSCONFIG_PATH: 'apps/api/tsconfig.json',
        APP_DATABASE_URL: inject('appDatabaseUrl'),
        AUTH_JWT_SECRET: TEST_AUTH_JWT_SECRET,
      },
    },
  );
  return stdout.trim();
}

describe('npm run auth:dev-token', () => {
  it('prints a token naming a real session, which the API accepts and lists among the devices', async () => {
    const token = await devToken('office@demo.test');
    const claims = decodeJwt(token);
    expect(claims.sid).toMatch(/^[0-9a-f-]{36}$/);
    const headers = { authorization: `Bearer ${token}` };
    const me = await fetch(`${api.baseUrl}/api/v1/me`, { headers });
    expect(me.status).toBe(200);
    const devices = (await (await fetch(`${api.baseUrl}/api/v1/auth/sessions`, { headers })).json()) as SessionList;
    expect(devices.items.find((device) => device.id === claims.sid)).toMatchObject({
      current: true,
      userAgent: 'npm run auth:dev-token',
    });

    // Signing that device out ends the token at once.
    expect((await fetch(`${api.baseUrl}/api/v1/auth/sign-out`, { method: 'POST', headers })).status).toBeLessThan(300);
    expect((await fetch(`${api.baseUrl}/api/v1/me`, { headers })).status).toBe(401);
  });

  it('names no user it does not know', async () => {
    await expect(devToken('nobody@nowhere.test')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no user with email nobody@nowhere.test'),
    });
  });
});
