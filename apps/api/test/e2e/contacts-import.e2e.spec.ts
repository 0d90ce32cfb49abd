import { randomUUID } from 'node:crypto';
import { newId } from '@ontrack/db/ids';
import type { ContactView } from '@ontrack/schemas/contacts';
import { CONTACT_EXPORT_COLUMNS, type ContactImportReport } from '@ontrack/schemas/contacts-import';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/modules/contacts/contact-csv.js';
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
 * CSV import (dry run, all-or-nothing, skipInvalid, file problems, idempotent replay) and CSV export
 * (quoting, formula neutralising, sensitive-read log, round trip, contacts:export), in businesses of this
 * file's own.
 */
const ownerUrl = inject('ownerDatabaseUrl');
let api: RunningApi;
let tenant: ContactsTenant;
let call: Call;

type Page = { items: ContactView[]; nextCursor: string | null };

beforeAll(async () => {
  api = await startApi();
  tenant = await createContactsTenant(ownerUrl);
  call = caller(api, { as: tenant.users.admin, tenant: tenant.id });
  await createContact(call, { displayName: 'Existing Erin', email: 'erin@import.example.com' });
});
afterAll(() => api.close());

const mixedFile = [
  'Name,Email,Phone,Tags,Kind,Company Name,Notes,Favourite Colour',
  'Ada Lovelace,ADA@import.example.com,(512) 555-0401,VIP; Net 30,person,,"Likes ""analytical"" engines, and tea",green',
  'Bad Email,not-an-email,,,,,,',
  ',nobody@import.example.com,,,,,,',
  '',
  'Erin Again,erin@import.example.com,,,,,,',
  'Grace Hopper,grace@import.example.com,512.555.0401,,Person,Navy,"Line one',
  'line two",',
  'Odd Phone,,555-01,,robot,,,',
].join('\r\n');

const importing = (body: Record<string, unknown>, headers?: Record<string, string>) =>
  call<ContactImportReport & ProblemBody>('POST', '/contacts/import', { body, headers });

const countByTag = async (tag: string) => (await call<Page>('GET', `/contacts?tag=${tag}&limit=100`)).body.items.length;

describe('import', () => {
  it('reports every rejected row, duplicate and unknown column on a dry run, and writes nothing', async () => {
    const before = (await contactActivity(ownerUrl, tenant.id)).length;
    const reply = await importing({ csv: mixedFile, dryRun: true });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      dryRun: true,
      total: 6,
      valid: 3,
      created: 0,
      ignoredColumns: ['Favourite Colour'],
    });
    expect(reply.body.rejected).toEqual([
      { row: 2, field: 'email', detail: 'must be an email address like name@example.com' },
      { row: 3, field: 'displayName', detail: expect.any(String) },
      { row: 7, field: 'kind', detail: expect.any(String) },
      { row: 7, field: 'phone', detail: expect.stringContaining('phone number') },
    ]);
    expect(reply.body.duplicates).toEqual([
      expect.objectContaining({
        row: 5,
        contactId: expect.any(String),
        displayName: 'Existing Erin',
        matchedOn: 'email',
      }),
      {
        row: 6,
        contactId: null,
        duplicateOfRow: 1,
        displayName: 'Ada Lovelace',
        matchedOn: 'phone',
        value: '+15125550401',
      },
    ]);
    expect(await countByTag('vip')).toBe(0);
    expect((await contactActivity(ownerUrl, tenant.id)).length).toBe(before);
  });

  it('refuses a real import with rejected rows (422, naming them) and writes nothing', async () => {
    const reply = await importing({ csv: mixedFile, dryRun: false });
    expect(reply.status).toBe(422);
    expect(reply.body.detail).toContain('3 rows');
    expect(reply.body.errors?.map((error) => error.detail)).toContain(
      'row 2, email: must be an email address like name@example.com',
    );
    expect(reply.body.errors?.every((error) => error.pointer === '#/csv')).toBe(true);
    expect(await countByTag('vip')).toBe(0);
  });

  it('imports the valid rows with skipInvalid, normalised, under one activity entry', async () => {
    const reply = await importing({ csv: mixedFile, dryRun: false, skipInvalid: true });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ dryRun: false, total: 6, valid: 3, created: 3 });
    const ada = (await call<Page>('GET', '/contacts?q=lovelace')).body.items;
    expect(ada).toEqual([
      expect.objectContaining({
        displayName: 'Ada Lovelace',
        email: 'ada@import.example.com',
        phone: '+15125550401',
        tags: ['vip', 'net-30'],
        notes: 'Likes "analytical" engines, and tea',
      }),
    ]);
    const grace = (await call<Page>('GET', '/contacts?q=hopper')).body.items[0];
    expect(grace).toMatchObject({ companyName: 'Navy', notes: 'Line one\nline two', kind: 'person' });
    const imports = (await contactActivity(ownerUrl, tenant.id)).filter((entry) => entry.action === 'import');
    expect(imports).toEqual([
      expect.objectContaining({
        entityId: null,
        summary: expect.objectContaining({ total: 6, created: 3, rejected: 3, duplicates: 2 }),
      }),
    ]);
  });

  it('replays an import retried with the same Idempotency-Key instead of importing twice', async () => {
    const key = randomUUID();
    const csv = 'displayName,tags\nReplay One,replayed\nReplay Two,replayed\n';
    const first = await importing({ csv, dryRun: false }, { 'idempotency-key': key });
    const again = await importing({ csv, dryRun: false }, { 'idempotency-key': key });
    expect(first.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await countByTag('replayed')).toBe(2);
  });

  it('refuses files it cannot read, on the csv field', async () => {
    const problems = await Promise.all([
      importing({ csv: 'email,phone\na@example.com,', dryRun: true }),
      importing({ csv: 'name,notes\nA,"never closed', dryRun: true }),
      importing({ csv: `name\n${'Someone\n'.repeat(10_001)}`, dryRun: true }),
      importing({ csv: 'x'.repeat(5 * 1024 * 1024 + 1), dryRun: true }),
      importing({ csv: '  ', dryRun: true }),
      importing({ csv: 'name\nA' }),
    ]);
    for (const reply of problems) {
      expect(reply.status).toBe(422);
      expect(reply.body.errors?.[0]?.field).toMatch(/^(csv|dryRun)$/);
    }
    expect(problems[0]?.body.detail).toContain('displayName');
    expect(problems[1]?.body.detail).toContain('line 2');
    expect(problems[2]?.body.detail).toContain('10000');
  });

  it('takes a body up to its own limit, far above the API default of 1 MB, and refuses larger ones with 413', async () => {
    const rows = Array.from({ length: 9_000 }, (_, n) => `Bulk Person ${n},"${'note '.repeat(40)}"`);
    const csv = `name,notes\n${rows.join('\n')}`;
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    const big = await importing({ csv, dryRun: true });
    expect(big.status).toBe(200);
    expect(big.body).toMatchObject({ total: 9_000, valid: 9_000 });
    const tooBig = await importing({ csv: '"'.repeat(7 * 1024 * 1024), dryRun: true });
    expect(tooBig.status).toBe(413);
  });
});

describe('export', () => {
  it('answers CSV with a header row, RFC 4180 quoting and formula cells neutralised, and logs a sensitive read', async () => {
    await createContact(call, {
      displayName: '=HYPERLINK("http://evil.example.com","Click")',
      phone: '+15125550499',
      notes: 'Gate code 12, "blue" door\nsecond line',
      tags: ['exported'],
    });
    await createContact(call, { displayName: '@Handle Person', email: 'handle@example.com', tags: ['exported'] });
    const reply = await call('GET', '/contacts/export?tag=exported');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toBe('attachment; filename="contacts.csv"');
    const [header, ...rows] = parseCsv(reply.text);
    expect(header).toEqual([...CONTACT_EXPORT_COLUMNS]);
    const column = (name: (typeof CONTACT_EXPORT_COLUMNS)[number]) => CONTACT_EXPORT_COLUMNS.indexOf(name);
    const formula = rows.find((row) => row[column('phone')] === '+15125550499');
    expect(formula?.[column('displayName')]).toBe('\'=HYPERLINK("http://evil.example.com","Click")');
    expect(formula?.[column('notes')]).toBe('Gate code 12, "blue" door\nsecond line');
    expect(rows.map((row) => row[column('displayName')])).toContain("'@Handle Person");
    expect(rows).toHaveLength(2);
    expect(reply.text).toContain('"Gate code 12, ""blue"" door\nsecond line"');
    expect(reply.text.endsWith('\r\n')).toBe(true);

    const exports = (await contactActivity(ownerUrl, tenant.id)).filter((entry) => entry.action === 'export');
    expect(exports.at(-1)).toMatchObject({
      sensitiveRead: true,
      summary: { rowCount: 2, filters: expect.objectContaining({ tag: ['exported'] }) },
    });
  });

  it('imports back unchanged into another business', async () => {
    const exported = (await call('GET', '/contacts/export?tag=exported')).text;
    const elsewhere = await createContactsTenant(ownerUrl);
    const there = caller(api, { as: elsewhere.users.admin, tenant: elsewhere.id });
    const reply = await there<ContactImportReport>('POST', '/contacts/import', {
      body: { csv: exported, dryRun: false },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ total: 2, created: 2, rejected: [] });
    expect(reply.body.ignoredColumns).toEqual(['id', 'createdAt', 'updatedAt', 'deletedAt']);
    const names = (await there<Page>('GET', '/contacts?tag=exported')).body.items.map((item) => item.displayName);
    expect(names.sort()).toEqual(['=HYPERLINK("http://evil.example.com","Click")', '@Handle Person']);
  });

  it('needs contacts:export, which a reader without it lacks', async () => {
    const readerId = newId();
    await asOwner(ownerUrl, tenant.id, async (tx) => {
      const roleId = newId();
      await tx`insert into roles (tenant_id, id, key, name, scope) values (${tenant.id}, ${roleId}, 'reader', 'Reader', 'tenant')`;
      await tx`insert into role_permissions (tenant_id, role_id, permission_key) values (${tenant.id}, ${roleId}, 'contacts:read')`;
      await tx`insert into users (id, email, name) values (${readerId}, ${`reader-${readerId}@contacts.test`}, 'Reader')`;
      await tx`insert into memberships (tenant_id, user_id, status, activated_at) values (${tenant.id}, ${readerId}, 'active', now())`;
      await tx`insert into user_roles (tenant_id, user_id, role_id) values (${tenant.id}, ${readerId}, ${roleId})`;
    });
    expect((await call('GET', '/contacts', { as: readerId })).status).toBe(200);
    expect((await call('GET', '/contacts/export', { as: readerId })).status).toBe(403);
    expect((await call('GET', '/contacts/export', { as: tenant.users.crew })).status).toBe(403);
    expect((await call('GET', '/contacts/export', { as: tenant.users.office })).status).toBe(200);
  });
});
