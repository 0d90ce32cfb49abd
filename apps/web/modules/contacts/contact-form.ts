import type { ContactView } from '@ontrack/schemas/contacts';
import { type ContactKind, normalizeEmail, normalizeTag } from '@ontrack/schemas/crm-constants';
import { parseTagInput } from './contact-filters';

// The contact form as plain strings (what the inputs hold), and the API bodies made from it. The API's zod
// schemas are the judge; the checks here only spare a round trip for what is plainly missing or malformed,
// and are worded by the page (messages `contacts.form.errors`).

export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CONTACT_LOCALES = ['en', 'es'] as const;

export interface ContactDraft {
  kind: ContactKind;
  displayName: string;
  companyName: string;
  email: string;
  phone: string;
  /** Further emails and phones, one per line or separated by commas. */
  emails: string;
  phones: string;
  tags: string;
  /** '' on create: the API picks email when there is one, else SMS. */
  preferredChannel: Channel | '';
  /** '': the business's language. */
  locale: 'en' | 'es' | '';
  notes: string;
}

export type ContactField = keyof ContactDraft;

/**
 * Every field of the form, in its order: fields are checked and focused in it (the first with an error takes
 * focus on submit), and the timeline names a changed field by it.
 */
export const CONTACT_FIELD_ORDER: readonly ContactField[] = [
  'kind',
  'displayName',
  'companyName',
  'email',
  'phone',
  'emails',
  'phones',
  'tags',
  'preferredChannel',
  'locale',
  'notes',
];

/** The keys of `contacts.form.errors` a client check can give. */
export type DraftErrorKey =
  | 'nameRequired'
  | 'emailInvalid'
  | 'phoneInvalid'
  | 'emailsInvalid'
  | 'phonesInvalid'
  | 'smsNeedsPhone'
  | 'emailNeedsEmail';

export function emptyDraft(): ContactDraft {
  return {
    kind: 'person',
    displayName: '',
    companyName: '',
    email: '',
    phone: '',
    emails: '',
    phones: '',
    tags: '',
    preferredChannel: '',
    locale: '',
    notes: '',
  };
}

export function draftOf(contact: ContactView): ContactDraft {
  return {
    kind: contact.kind,
    displayName: contact.displayName,
    companyName: contact.companyName ?? '',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    emails: contact.emails.join('\n'),
    phones: contact.phones.join('\n'),
    tags: contact.tags.join(', '),
    preferredChannel: contact.preferredChannel,
    locale: contact.locale === 'en' || contact.locale === 'es' ? contact.locale : '',
    notes: contact.notes ?? '',
  };
}

/** Items of a list field (one per line, or separated by commas or semicolons), trimmed, without blanks. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// What a phone number may be typed with; the API turns it into E.164 (and says when it cannot).
const PHONE = /^[+\d\s().\-/]+$/;
const looksLikePhone = (value: string) => PHONE.test(value) && value.replace(/\D/g, '').length >= 7;

const textOrNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The fields a person must fix before the form is sent, with the message key of each. */
export function checkDraft(draft: ContactDraft): Partial<Record<ContactField, DraftErrorKey>> {
  const errors: Partial<Record<ContactField, DraftErrorKey>> = {};
  const email = draft.email.trim();
  const phone = draft.phone.trim();
  if (!draft.displayName.trim()) errors.displayName = 'nameRequired';
  if (email && !EMAIL.test(email)) errors.email = 'emailInvalid';
  if (phone && !looksLikePhone(phone)) errors.phone = 'phoneInvalid';
  if (splitList(draft.emails).some((item) => !EMAIL.test(item))) errors.emails = 'emailsInvalid';
  if (splitList(draft.phones).some((item) => !looksLikePhone(item))) errors.phones = 'phonesInvalid';
  if (draft.preferredChannel === 'sms' && !phone) errors.phone ??= 'smsNeedsPhone';
  if (draft.preferredChannel === 'email' && !email) errors.email ??= 'emailNeedsEmail';
  return errors;
}

/** POST /contacts: every field but the channel, which the API picks when it is left out. */
export interface CreateContactBody {
  kind: ContactKind;
  displayName: string;
  companyName: string | null;
  email: string | null;
  phone: string | null;
  emails: string[];
  phones: string[];
  tags: string[];
  preferredChannel?: Channel;
  locale: 'en' | 'es' | null;
  notes: string | null;
}

export function createBody(draft: ContactDraft): CreateContactBody {
  return {
    kind: draft.kind,
    displayName: draft.displayName.trim(),
    companyName: textOrNull(draft.companyName),
    email: textOrNull(draft.email),
    phone: textOrNull(draft.phone),
    emails: splitList(draft.emails),
    phones: splitList(draft.phones),
    tags: parseTagInput(draft.tags),
    ...(draft.preferredChannel ? { preferredChannel: draft.preferredChannel } : {}),
    locale: draft.locale || null,
    notes: draft.notes.trim() === '' ? null : draft.notes,
  };
}

/** The PATCH body of /contacts/{id} as the API types it (UpdateContact, all fields optional). */
export interface ContactPatch {
  kind?: ContactKind;
  displayName?: string;
  companyName?: string | null;
  email?: string | null;
  phone?: string | null;
  emails?: string[];
  phones?: string[];
  preferredChannel?: Channel;
  locale?: 'en' | 'es' | null;
  tags?: string[];
  notes?: string | null;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * The fields that differ from the saved contact, as PATCH /contacts/{id} takes them; undefined when nothing
 * changed. Values are compared the way the API stores them (emails lower-case, tags normalised), so retyping
 * an address in capitals is not a change.
 */
export function updatePatch(saved: ContactView, draft: ContactDraft): ContactPatch | undefined {
  const patch: ContactPatch = {};
  const email = textOrNull(draft.email);
  const phone = textOrNull(draft.phone);
  const emails = splitList(draft.emails);
  const phones = splitList(draft.phones);
  const tags = parseTagInput(draft.tags);
  const notes = draft.notes.trim() === '' ? null : draft.notes;
  if (draft.kind !== saved.kind) patch.kind = draft.kind;
  if (draft.displayName.trim() !== saved.displayName) patch.displayName = draft.displayName.trim();
  if (textOrNull(draft.companyName) !== saved.companyName) patch.companyName = textOrNull(draft.companyName);
  if ((email && normalizeEmail(email)) !== (saved.email && normalizeEmail(saved.email))) patch.email = email;
  if (phone !== saved.phone) patch.phone = phone;
  if (!sameList(emails.map(normalizeEmail), saved.emails)) patch.emails = emails;
  if (!sameList(phones, saved.phones)) patch.phones = phones;
  if (!sameList(tags, saved.tags.map(normalizeTag))) patch.tags = tags;
  if (draft.preferredChannel && draft.preferredChannel !== saved.preferredChannel) {
    patch.preferredChannel = draft.preferredChannel;
  }
  if ((draft.locale || null) !== saved.locale) patch.locale = draft.locale || null;
  if (notes !== saved.notes) patch.notes = notes;
  return Object.keys(patch).length ? patch : undefined;
}

/**
 * The form field an API error names: `tags.2` → `tags`, `access.gateCode` → `gateCode`. A body-level error
 * (no field, or one the form does not show) is left to the form's alert.
 */
export function formFieldOf(path: string): string {
  const [first = '', second] = path.split('.');
  return first === 'access' && second ? second : first;
}

/** The API's field errors by form field (the first one of each field wins). */
export function fieldErrorsByFormField(errors: Record<string, string>): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const [path, detail] of Object.entries(errors)) {
    const field = formFieldOf(path);
    if (!(field in byField)) byField[field] = detail;
  }
  return byField;
}
