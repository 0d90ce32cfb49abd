import { newId } from '@ontrack/db/ids';
import { DEMO_TENANT_ID } from '@ontrack/db/seed-data';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiCall, callApi, type RunningApi, startApi } from './start-api.js';

describe('the signed-in user’s profile, and a business’s public face', () => {
  let api: RunningApi;
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
  // Users of this file's own: renaming a seed user would disturb the tests running beside it.
  const [alice, bob] = [newId(), newId()];

  beforeAll(async () => {
    api = await startApi();
    await owner.begin(async (tx) => {
      await tx`select set_config('app.context', 'system:test', true), set_config('app.tenant_id', ${DEMO_TENANT_ID}, true)`;
      for (const [id, name] of [
        [alice, 'Alice Profile'],
        [bob, 'Bob Profile'],
      ] as const) {
        await tx`insert into users (id, email, name) values (${id}, ${`${id}@profile.test`}, ${name})`;
        await tx`insert into memberships (tenant_id, user_id, status) values (${DEMO_TENANT_ID}, ${id}, 'active')`;
      }
    });
  });
  afterAll(async () => {
    await api.close();
    await owner.end();
  });

  const call = (path: string, options: ApiCall = {}) => callApi(api, path, options);
  const nameOf = async (id: string) => (await owner`select name, locale from users where id = ${id}`)[0];

  it('changes your own name and language, and only yours', async () => {
    const renamed = await call('/me', {
      user: alice,
      method: 'PATCH',
      body: { name: '  Alice Gardner ', locale: 'es' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: alice, name: 'Alice Gardner', locale: 'es' });
    expect(await nameOf(alice)).toEqual({ name: 'Alice Gardner', locale: 'es' });
    expect(await nameOf(bob)).toEqual({ name: 'Bob Profile', locale: null });

    const followBusiness = await call('/me', { user: alice, method: 'PATCH', body: { locale: null } });
    expect(followBusiness.body).toMatchObject({ name: 'Alice Gardner', locale: null });
  });

  it('refuses a bad profile with the field that is wrong, and changes nothing', async () => {
    for (const [body, field] of [
      [{ name: '   ' }, 'name'],
      [{ locale: 'fr' }, 'locale'],
      [{ name: 'x'.repeat(121) }, 'name'],
      [{ email: 'new@profile.test' }, undefined],
      [{}, undefined],
    ] as const) {
      const refused = await call('/me', { user: bob, method: 'PATCH', body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
      if (field) expect((refused.body.errors as { field: string }[]).map((error) => error.field)).toContain(field);
    }
    expect(await nameOf(bob)).toEqual({ name: 'Bob Profile', locale: null });
    expect((await call('/me', { method: 'PATCH', body: { name: 'Anonymous' } })).status).toBe(401);
  });

  it('shows any visitor a business’s name, language and branding by slug, and nothing more', async () => {
    const demo = await call('/public/businesses/demo');
    expect(demo.status).toBe(200);
    expect(Object.keys(demo.body).sort()).toEqual(['branding', 'locale', 'name', 'slug']);
    expect(demo.body).toMatchObject({ slug: 'demo', name: 'Evergreen Landscaping' });
    expect((await call('/public/businesses/no-such-business')).status).toBe(404);
    const malformed = await call('/public/businesses/Not%20A%20Slug');
    expect(malformed.status).toBe(422);
    expect((malformed.body.errors as { field: string }[])[0]?.field).toBe('slug');
  });
});
