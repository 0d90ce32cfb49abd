import type { ContactView } from '@ontrack/schemas/contacts';
import { describe, expect, it } from 'vitest';
import { displayPhone } from './contact-display';
import {
  checkDraft,
  createBody,
  draftOf,
  emptyDraft,
  fieldErrorsByFormField,
  splitList,
  updatePatch,
} from './contact-form';

const saved: ContactView = {
  id: '01970000-0000-7000-8000-000000001005',
  kind: 'person',
  displayName: 'Jordan Smith',
  companyName: null,
  email: 'jordan.smith@example.com',
  phone: '+15125550201',
  emails: [],
  phones: ['+15125550299'],
  preferredChannel: 'email',
  locale: null,
  tags: ['residential', 'weekly-mowing'],
  notes: 'Two dogs.',
  version: 3,
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-02T10:00:00Z',
  deletedAt: null,
};

describe('the contact form', () => {
  it('asks for a name and well-formed addresses before sending', () => {
    expect(checkDraft(emptyDraft())).toEqual({ displayName: 'nameRequired' });
    const draft = { ...emptyDraft(), displayName: 'A', email: 'not-an-email', phone: '12', emails: 'a@b.co\nnope' };
    expect(checkDraft(draft)).toEqual({ email: 'emailInvalid', phone: 'phoneInvalid', emails: 'emailsInvalid' });
    expect(checkDraft({ ...emptyDraft(), displayName: 'A', phones: '(512) 555-0100, x' })).toEqual({
      phones: 'phonesInvalid',
    });
  });

  it('needs the address of the preferred channel', () => {
    expect(checkDraft({ ...emptyDraft(), displayName: 'A', preferredChannel: 'sms' })).toEqual({
      phone: 'smsNeedsPhone',
    });
    expect(checkDraft({ ...emptyDraft(), displayName: 'A', preferredChannel: 'email' })).toEqual({
      email: 'emailNeedsEmail',
    });
    // A malformed phone is reported as malformed, not as missing.
    expect(checkDraft({ ...emptyDraft(), displayName: 'A', phone: 'abc', preferredChannel: 'sms' }).phone).toBe(
      'phoneInvalid',
    );
  });

  it('sends empty fields as null and lets the API pick the channel', () => {
    const body = createBody({
      ...emptyDraft(),
      displayName: '  Ana Ruiz ',
      phone: '(512) 555-0100',
      tags: 'VIP, Net 30',
      emails: 'ana@work.example\n\n',
    });
    expect(body).toEqual({
      kind: 'person',
      displayName: 'Ana Ruiz',
      companyName: null,
      email: null,
      phone: '(512) 555-0100',
      emails: ['ana@work.example'],
      phones: [],
      tags: ['vip', 'net-30'],
      locale: null,
      notes: null,
    });
  });

  it('patches only what changed, compared as the API stores it', () => {
    expect(updatePatch(saved, draftOf(saved))).toBeUndefined();
    expect(updatePatch(saved, { ...draftOf(saved), email: 'Jordan.Smith@Example.com' })).toBeUndefined();
    expect(updatePatch(saved, { ...draftOf(saved), tags: 'Residential, weekly mowing' })).toBeUndefined();
    expect(updatePatch(saved, { ...draftOf(saved), companyName: ' Smith LLC ', notes: '' })).toEqual({
      companyName: 'Smith LLC',
      notes: null,
    });
    expect(updatePatch(saved, { ...draftOf(saved), phones: '', locale: 'es', preferredChannel: 'sms' })).toEqual({
      phones: [],
      locale: 'es',
      preferredChannel: 'sms',
    });
  });

  it('puts the API’s field errors under the form’s fields', () => {
    expect(
      fieldErrorsByFormField({
        'tags.2': 'may use letters, digits, - and _',
        'tags.4': 'must not be empty',
        'access.gateCode': 'must be at most 40 characters',
        email: 'must be an email address like name@example.com',
      }),
    ).toEqual({
      tags: 'may use letters, digits, - and _',
      gateCode: 'must be at most 40 characters',
      email: 'must be an email address like name@example.com',
    });
  });

  it('splits list fields on lines, commas and semicolons', () => {
    expect(splitList(' a@b.co ;c@d.co\n\ne@f.co, ')).toEqual(['a@b.co', 'c@d.co', 'e@f.co']);
  });

  it('shows North American numbers as people write them, others as stored', () => {
    expect(displayPhone('+15125550201')).toBe('(512) 555-0201');
    expect(displayPhone('+442079460958')).toBe('+442079460958');
  });
});
