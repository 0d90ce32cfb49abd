import type { CreateContact, contactDuplicateSchema } from '@ontrack/schemas/contacts';
import type { z } from 'zod';
import type { DuplicateCandidate } from './contacts.repository.js';

// Duplicate detection (docs/contacts.md § Duplicates): a contact's emails and phones, normalised by the zod
// schemas exactly as `contacts.match_keys` holds them, looked up with one `match_keys && $keys` query.

type ContactDuplicate = z.infer<typeof contactDuplicateSchema>;
type Addresses = Pick<CreateContact, 'email' | 'phone' | 'emails' | 'phones'>;

/** Every email and phone of a contact, without repeats. */
export function matchKeysOf(contact: Addresses): string[] {
  const keys = [contact.email, contact.phone, ...contact.emails, ...contact.phones];
  return [...new Set(keys.filter((key): key is string => !!key))];
}

/** Emails hold an @; match keys are otherwise E.164 phone numbers. */
export const matchedOn = (value: string): 'email' | 'phone' => (value.includes('@') ? 'email' : 'phone');

/** One warning per existing contact, on the first value both share (an email before a phone). */
export function duplicatesOf(contact: Addresses, candidates: readonly DuplicateCandidate[]): ContactDuplicate[] {
  const keys = matchKeysOf(contact).sort((a, b) => Number(matchedOn(a) === 'phone') - Number(matchedOn(b) === 'phone'));
  return candidates.flatMap((candidate) => {
    const value = keys.find((key) => candidate.matchKeys.includes(key));
    return value ? [{ id: candidate.id, displayName: candidate.displayName, matchedOn: matchedOn(value), value }] : [];
  });
}
