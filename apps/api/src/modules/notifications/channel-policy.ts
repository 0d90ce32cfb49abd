import type { MessageChannel } from '@ontrack/schemas/messaging';

export interface Reachability {
  email: string | null;
  phone: string | null;
  preferredChannel: MessageChannel;
  /** The newest consent record for the contact's current phone number, if any. */
  smsConsent: 'opted_in' | 'opted_out' | null;
  /** Whether this deployment can send SMS at all (Twilio configured). */
  smsAvailable: boolean;
}

export type ChannelDecision =
  | { channel: MessageChannel; address: string; note?: string }
  | { channel: null; reason: string };

/**
 * Which channel a message to a contact goes by. SMS only with a recorded opt-in for the current number
 * (carrier rules and TCPA: no consent, no text) and a configured provider; otherwise email, noting why the
 * preference could not be followed. `requested` (staff's explicit choice) is honoured under the same rules.
 */
export function chooseChannel(contact: Reachability, requested: MessageChannel | 'auto' = 'auto'): ChannelDecision {
  const wanted = requested === 'auto' ? contact.preferredChannel : requested;
  const smsBlocker = whySmsIsBlocked(contact);
  if (wanted === 'sms' && !smsBlocker && contact.phone) return { channel: 'sms', address: contact.phone };
  if (contact.email) {
    return wanted === 'sms'
      ? { channel: 'email', address: contact.email, note: `SMS not possible: ${smsBlocker}` }
      : { channel: 'email', address: contact.email };
  }
  // No email: a text is the only way, and still only with consent.
  if (!smsBlocker && contact.phone) return { channel: 'sms', address: contact.phone };
  return { channel: null, reason: `no email address, and SMS not possible: ${smsBlocker}` };
}

export function whySmsIsBlocked(contact: Reachability): string | undefined {
  if (!contact.phone) return 'no phone number';
  if (contact.smsConsent === 'opted_out') return 'the contact opted out of SMS';
  if (contact.smsConsent !== 'opted_in') return 'no SMS consent recorded for this number';
  if (!contact.smsAvailable) return 'SMS is not configured on this deployment';
  return undefined;
}
