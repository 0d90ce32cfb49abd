import { describe, expect, it } from 'vitest';
import { chooseChannel, type Reachability } from './channel-policy.js';

const contact: Reachability = {
  email: 'dana@example.com',
  phone: '+15125550105',
  preferredChannel: 'sms',
  smsConsent: 'opted_in',
  smsAvailable: true,
};

describe('chooseChannel', () => {
  it('texts a contact who prefers SMS and opted in', () => {
    expect(chooseChannel(contact)).toEqual({ channel: 'sms', address: '+15125550105' });
  });

  it('emails a contact who prefers email, even with SMS consent', () => {
    expect(chooseChannel({ ...contact, preferredChannel: 'email' })).toEqual({
      channel: 'email',
      address: 'dana@example.com',
    });
  });

  it.each([
    [{ smsConsent: null }, 'no SMS consent recorded for this number'],
    [{ smsConsent: 'opted_out' as const }, 'the contact opted out of SMS'],
    [{ phone: null }, 'no phone number'],
    [{ smsAvailable: false }, 'SMS is not configured on this deployment'],
  ])('falls back to email when SMS is blocked (%o)', (change, why) => {
    expect(chooseChannel({ ...contact, ...change })).toEqual({
      channel: 'email',
      address: 'dana@example.com',
      note: `SMS not possible: ${why}`,
    });
  });

  it('never texts without consent, even when staff ask for SMS', () => {
    expect(chooseChannel({ ...contact, preferredChannel: 'email', smsConsent: null }, 'sms').channel).toBe('email');
    expect(chooseChannel({ ...contact, preferredChannel: 'email' }, 'sms').channel).toBe('sms');
  });

  it('texts a contact without email who opted in, and gives up (with the reason) when nothing is possible', () => {
    expect(chooseChannel({ ...contact, email: null, preferredChannel: 'email' })).toEqual({
      channel: 'sms',
      address: '+15125550105',
    });
    expect(chooseChannel({ ...contact, email: null, smsConsent: 'opted_out' })).toEqual({
      channel: null,
      reason: 'no email address, and SMS not possible: the contact opted out of SMS',
    });
  });
});
