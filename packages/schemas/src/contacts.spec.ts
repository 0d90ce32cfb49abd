import { describe, expect, it } from 'vitest';
import {
  contactListQuerySchema,
  createContactBodySchema,
  createContactSchema,
  decodeKeysetCursor,
  encodeKeysetCursor,
  updateContactBodySchema,
} from './contacts.js';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('createContactSchema', () => {
  it('normalises what it stores: emails lower-cased, phones E.164, tags, repeats dropped', () => {
    expect(
      createContactBodySchema.parse({
        displayName: '  Jordan Smith ',
        email: 'Jordan.Smith@Example.com',
        phone: '(512) 555-0201',
        emails: ['JSmith.Work@example.com', 'jsmith.work@example.com'],
        phones: ['512.555.0299'],
        tags: ['VIP', 'Weekly Mowing', 'vip'],
      }),
    ).toEqual({
      kind: 'person',
      displayName: 'Jordan Smith',
      companyName: null,
      email: 'jordan.smith@example.com',
      phone: '+15125550201',
      emails: ['jsmith.work@example.com'],
      phones: ['+15125550299'],
      preferredChannel: 'email',
      locale: null,
      tags: ['vip', 'weekly-mowing'],
      notes: null,
    });
  });

  it('prefers SMS by default when there is only a phone, and reads phones in the business’s calling code', () => {
    expect(createContactSchema('44').parse({ displayName: 'A', phone: '020 7946 0958' })).toMatchObject({
      phone: '+442079460958',
      preferredChannel: 'sms',
    });
  });

  it('reports problems under the field to fix', () => {
    expect(
      issuesOf(
        createContactBodySchema.safeParse({
          displayName: ' ',
          email: 'not-an-email',
          phone: '555-01',
          tags: ['ok', '!!'],
          extra: 1,
        }),
      ),
    ).toEqual([
      'displayName: must not be empty',
      'email: must be an email address like name@example.com',
      'phone: must be a phone number like (512) 555-0123 or +44 20 7946 0958',
      'tags.1: may use letters, digits, - and _',
      ': Unrecognized key: "extra"',
    ]);
    expect(
      issuesOf(
        createContactBodySchema.safeParse({ displayName: 'A', email: 'a@example.com', preferredChannel: 'sms' }),
      ),
    ).toEqual(['phone: is needed to prefer SMS']);
  });
});

describe('updateContactSchema', () => {
  it('takes only the fields sent, and at least one', () => {
    expect(updateContactBodySchema.parse({ tags: ['Net 30'] })).toEqual({ tags: ['net-30'] });
    expect(issuesOf(updateContactBodySchema.safeParse({}))).toEqual([': name at least one field to change']);
  });
});

describe('contact list query and keyset cursors', () => {
  it('round-trips a cursor and refuses anything else', () => {
    const id = '01970000-0000-7000-8000-000000001001';
    const cursor = encodeKeysetCursor('Jordan Smith', id);
    expect(decodeKeysetCursor(cursor)).toEqual({ sortValue: 'Jordan Smith', id });
    expect(decodeKeysetCursor('bm9wZQ')).toBeUndefined();
    expect(contactListQuerySchema.parse({ cursor, tag: 'VIP' })).toEqual({
      cursor,
      tag: ['vip'],
      sort: 'name',
      deleted: 'exclude',
      limit: 50,
    });
    expect(issuesOf(contactListQuerySchema.safeParse({ cursor: 'bm9wZQ', color: 'red' }))).toEqual([
      'cursor: is not a cursor returned by this API',
      ': unknown parameter: color',
    ]);
  });
});
