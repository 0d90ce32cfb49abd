import { randomUUID } from 'node:crypto';
import { newId } from '@ontrack/db/ids';
import { OTHER_TENANT_ID, SEED_CONTACT_IDS, SEED_USER_IDS } from '@ontrack/db/seed-data';
import type { ContactView } from '@ontrack/schemas/contacts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  asOwner,
  type Call,
  type ContactsTenant,
  caller,
  contactActivity,
  createContact,
  createContactsTenant,
  type ProblemBody,
} from './contacts-helpers.js';
import { type RunningApi, startApi } from './start-api.js';

/**
 * The contacts API over HTTP (docs/contacts.md § API: contacts): create with duplicate warnings, read with
 * ETag, change with If-Match, trash and restore, idempotent POSTs, validation problems, permissions and
 * tenancy. Writes happen in a business of this file's own; the seeded `other` tenant stands for "someone
 * else's" contact.
 */
const ownerUrl = inject('ownerDatabaseUrl');
let api: RunningApi;
let tenant: ContactsTenant;
let call: Call;

beforeAll(async () => {
  api = await startApi();
  tenant = await createContactsTenant(ownerUrl);
  call = caller(api, { as: tenant.users.admin, tenant: tenant.id });
});
afterAll(() => api.close());

describe('create', () => {
  it('creates a contact with normalised addresses, answers 201 with its ETag, and logs it by name', async () => {
    const reply = await call<{ contact: ContactView; duplicates: unknown[] }>('POST', '/contacts', {
      body: {
        displayName: '  Jordan Smith ',
        email: 'Jordan.Smith@Example.com',
        phone: '(512) 555-0201',
        tags: ['VIP', 'Weekly Mowing'],
      },
    });
    expect(reply.status).toBe(201);
    const { contact } = reply.body;
    expect(contact).toMatchObject({
      displayName: 'Jordan Smith',
      email: 'jordan.smith@example.com',
      phone: '+15125550201',
      tags: ['vip', 'weekly-mowing'],
      preferredChannel: 'email',
      version: 1,
      deletedAt: null,
    });
    expect(reply.body.duplicates).toEqual([]);
    expect(reply.headers.get('etag')).toBe('"1"');
    const logged = (await contactActivity(ownerUrl, tenant.id)).find((entry) => entry.entityId === contact.id);
    expect(logged).toMatchObject({ action: 'create', summary: { displayName: 'Jordan Smith' } });
  });

  it('warns about contacts with the same email or phone, and still creates', async () => {
    const first = await createContact(call, { displayName: 'Dana Original', email: 'dana@dup.example.com' });
    const second = await createContact(call, { displayName: 'Dan Phone', phone: '+1 512 555 0777' });
    const reply = await call<{ contact: ContactView; duplicates: unknown[] }>('POST', '/contacts', {
      body: { displayName: 'Dana Again', email: 'DANA@dup.example.com', phones: ['512.555.0777'] },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.duplicates).toEqual(
      expect.arrayContaining([
        { id: first.id, displayName: 'Dana Original', matchedOn: 'email', value: 'dana@dup.example.com' },
        { id: second.id, displayName: 'Dan Phone', matchedOn: 'phone', value: '+15125550777' },
      ]),
    );
    expect(reply.body.duplicates).toHaveLength(2);
  });

  it('refuses invalid fields with a problem naming each one', async () => {
    const reply = await call<ProblemBody>('POST', '/contacts', {
      body: { displayName: ' ', email: 'not-an-email', phone: '555-01', tags: ['ok', '!!'], color: 'red' },
    });
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body.errors?.map((error) => [error.in, error.pointer])).toEqual(
      expect.arrayContaining([
        ['body', '#/displayName'],
        ['body', '#/email'],
        ['body', '#/phone'],
        ['body', '#/tags/1'],
        ['body', '#/color'],
      ]),
    );
  });

  it('replays a retried POST with the same Idempotency-Key and body, creating one contact', async () => {
    const key = randomUUID();
    const body = { displayName: 'Idempotent Ivy', email: `ivy-${key}@example.com` };
    const first = await call<{ contact: ContactView }>('POST', '/contacts', {
      body,
      headers: { 'idempotency-key': key },
    });
    const again = await call<{ contact: ContactView }>('POST', '/contacts', {
      body,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const found = await call<{ items: ContactView[] }>('GET', `/contacts?q=${encodeURIComponent(body.email)}`);
    expect(found.body.items.map((item) => item.id)).toEqual([first.body.contact.id]);

    const other = await call<ProblemBody>('POST', '/contacts', {
      body: { ...body, displayName: 'Someone Else' },
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(422);
    expect(other.body.errors?.[0]).toMatchObject({ in: 'header', field: 'Idempotency-Key' });
  });
});

describe('read, change, trash and restore', () => {
  it('reads one contact with its version as ETag', async () => {
    const created = await createContact(call, { displayName: 'Read Me', phone: '5125550300' });
    const reply = await call<ContactView>('GET', `/contacts/${created.id}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('etag')).toBe('"1"');
    expect(reply.body).toEqual(created);
  });

  it('changes the fields sent with If-Match, logs a field diff, and refuses a stale or missing If-Match', async () => {
    const created = await createContact(call, { displayName: 'Patty Patch', email: 'patty@example.com', tags: ['a'] });
    const path = `/contacts/${created.id}`;
    const changed = await call<ContactView>('PATCH', path, {
      body: { displayName: 'Patricia Patch', tags: ['a', 'B c'] },
      headers: { 'if-match': '"1"' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ displayName: 'Patricia Patch', tags: ['a', 'b-c'], version: 2 });
    expect(changed.headers.get('etag')).toBe('"2"');
    const log = (await contactActivity(ownerUrl, tenant.id)).filter((entry) => entry.entityId === created.id);
    expect(log.at(-1)).toMatchObject({
      action: 'update',
      summary: { displayName: ['Patty Patch', 'Patricia Patch'], tags: [['a'], ['a', 'b-c']] },
    });

    const stale = await call<ProblemBody>('PATCH', path, { body: { notes: 'x' }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.detail).toContain('version 2');
    const missing = await call<ProblemBody>('PATCH', path, { body: { notes: 'x' } });
    expect(missing.status).toBe(428);
    const malformed = await call<ProblemBody>('PATCH', path, { body: { notes: 'x' }, headers: { 'if-match': 'abc' } });
    expect(malformed.status).toBe(400);
    expect((await call<ContactView>('GET', path)).body.version).toBe(2);
  });

  it('validates the contact as it will be: SMS needs a phone', async () => {
    const created = await createContact(call, { displayName: 'Email Only', email: 'only@example.com' });
    const reply = await call<ProblemBody>('PATCH', `/contacts/${created.id}`, {
      body: { preferredChannel: 'sms' },
      headers: { 'if-match': '1' },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual([expect.objectContaining({ in: 'body', pointer: '#/phone', field: 'phone' })]);
    const empty = await call<ProblemBody>('PATCH', `/contacts/${created.id}`, {
      body: {},
      headers: { 'if-match': '1' },
    });
    expect(empty.status).toBe(422);
  });

  it('moves a contact to the trash and back; the trash lists it; a trashed contact cannot be changed', async () => {
    const created = await createContact(call, { displayName: 'Trash Quokka', email: 'quokka@example.com' });
    const path = `/contacts/${created.id}`;
    expect((await call('DELETE', path, { headers: { 'if-match': '"7"' } })).status).toBe(412);
    expect((await call('DELETE', path, { headers: { 'if-match': '"1"' } })).status).toBe(204);
    // Deleting again is harmless (DELETE is idempotent) and logs nothing more.
    expect((await call('DELETE', path)).status).toBe(204);

    const trashed = await call<ContactView>('GET', path);
    expect(trashed.status).toBe(200);
    expect(trashed.body.deletedAt).not.toBeNull();
    expect(trashed.body.version).toBe(2);
    const live = await call<{ items: ContactView[] }>('GET', '/contacts?q=quokka');
    expect(live.body.items).toEqual([]);
    const trash = await call<{ items: ContactView[] }>('GET', '/contacts?deleted=only');
    expect(trash.body.items.map((item) => item.id)).toContain(created.id);

    const patch = await call<ProblemBody>('PATCH', path, { body: { notes: 'x' }, headers: { 'if-match': '"2"' } });
    expect(patch.status).toBe(409);
    expect(patch.body.detail).toContain('Trash Quokka');

    const restored = await call<ContactView>('POST', `${path}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ deletedAt: null, version: 3 });
    expect(restored.headers.get('etag')).toBe('"3"');
    expect((await call<{ items: ContactView[] }>('GET', '/contacts?q=quokka')).body.items.map((c) => c.id)).toEqual([
      created.id,
    ]);
    const log = (await contactActivity(ownerUrl, tenant.id)).filter((entry) => entry.entityId === created.id);
    expect(log.map((entry) => [entry.action, entry.summary.displayName])).toEqual([
      ['create', 'Trash Quokka'],
      ['delete', 'Trash Quokka'],
      ['restore', 'Trash Quokka'],
    ]);
  });

  it('answers 404 for an unknown id and 422 for a malformed one', async () => {
    expect((await call('GET', `/contacts/${randomUUID()}`)).status).toBe(404);
    const malformed = await call<ProblemBody>('GET', '/contacts/not-a-uuid');
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors?.[0]).toMatchObject({ in: 'path', field: 'id' });
  });
});

describe('tenancy and permissions', () => {
  const foreign = SEED_CONTACT_IDS.otherCustomer;

  it("answers 404 for another business's contact on every route, and changes nothing there", async () => {
    expect((await call('GET', `/contacts/${foreign}`)).status).toBe(404);
    expect(
      (await call('PATCH', `/contacts/${foreign}`, { body: { notes: 'mine now' }, headers: { 'if-match': '1' } }))
        .status,
    ).toBe(404);
    expect((await call('DELETE', `/contacts/${foreign}`)).status).toBe(404);
    expect((await call('POST', `/contacts/${foreign}/restore`)).status).toBe(404);
    const owner = caller(api, { as: SEED_USER_IDS.otherAdmin, tenant: OTHER_TENANT_ID });
    const theirs = await owner<ContactView>('GET', `/contacts/${foreign}`);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ deletedAt: null, notes: null });
  });

  it('refuses Crew every contacts route with 403, and lets Office Staff work', async () => {
    const target = await createContact(call, { displayName: 'Crew Cannot', email: 'crew-cannot@example.com' });
    const asCrew = { as: tenant.users.crew };
    const attempts = [
      call('GET', '/contacts', asCrew),
      call('GET', `/contacts/${target.id}`, asCrew),
      call('GET', '/contacts/export', asCrew),
      call('POST', '/contacts', { ...asCrew, body: { displayName: 'X' } }),
      call('PATCH', `/contacts/${target.id}`, { ...asCrew, body: { notes: 'x' }, headers: { 'if-match': '1' } }),
      call('DELETE', `/contacts/${target.id}`, asCrew),
      call('POST', `/contacts/${target.id}/restore`, asCrew),
      call('POST', '/contacts/import', { ...asCrew, body: { csv: 'name\nX', dryRun: true } }),
    ];
    for (const reply of await Promise.all(attempts)) expect(reply.status).toBe(403);
    expect((await call<ContactView>('GET', `/contacts/${target.id}`)).body.version).toBe(1);

    const office = await call('POST', '/contacts', { as: tenant.users.office, body: { displayName: 'By Office' } });
    expect(office.status).toBe(201);
  });

  it('refuses a create by a role that could not see the new contact (403, not a server error)', async () => {
    const writer = newId();
    await asOwner(ownerUrl, tenant.id, async (tx) => {
      const roleId = newId();
      await tx`insert into roles (tenant_id, id, key, name, scope)
        values (${tenant.id}, ${roleId}, 'pm_writer', 'PM writer', 'managed_properties')`;
      await tx`insert into role_permissions (tenant_id, role_id, permission_key)
        values (${tenant.id}, ${roleId}, 'contacts:read'), (${tenant.id}, ${roleId}, 'contacts:write')`;
      await tx`insert into users (id, email, name) values (${writer}, ${`writer-${writer}@contacts.test`}, 'Writer')`;
      await tx`insert into memberships (tenant_id, user_id, status, activated_at)
        values (${tenant.id}, ${writer}, 'active', now())`;
      await tx`insert into user_roles (tenant_id, user_id, role_id) values (${tenant.id}, ${writer}, ${roleId})`;
    });
    const reply = await call<ProblemBody>('POST', '/contacts', { as: writer, body: { displayName: 'Out Of Scope' } });
    expect(reply.status).toBe(403);
    const found = await call<{ items: ContactView[] }>('GET', '/contacts?q=out%20of%20scope');
    expect(found.body.items).toEqual([]);
  });

  it('refuses Clients and Property Managers the contacts routes (their roles do not hold contacts:read)', async () => {
    for (const user of [tenant.users.client, tenant.users.pm]) {
      expect((await call('GET', '/contacts', { as: user })).status).toBe(403);
      expect((await call('POST', '/contacts', { as: user, body: { displayName: 'X' } })).status).toBe(403);
    }
  });
});
