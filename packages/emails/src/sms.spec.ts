import { describe, expect, it } from 'vitest';
import { emailTemplateNames } from './schemas.js';
import { renderSms } from './sms.js';

const tenant = { name: 'Evergreen Landscaping', timeZone: 'America/Chicago', currency: 'USD' };

const samples = {
  'magic-link': { url: 'https://app.example.com/auth/x', expiresInMinutes: 10 },
  invitation: { inviterName: 'Avery', roleName: 'Crew', acceptUrl: 'https://app.example.com/i/x' },
  'estimate-sent': { customerName: 'Dana', estimateNumber: 'E-1001', totalMinor: 123450, viewUrl: 'https://x.test/e' },
  'invoice-due': {
    customerName: 'Dana',
    invoiceNumber: 'INV-7',
    amountDueMinor: 9900,
    dueDate: '2026-12-01',
    payUrl: 'https://x.test/p',
  },
  'payment-receipt': { customerName: 'Dana', amountMinor: 5000, paidAt: '2026-11-24T15:00:00Z', method: 'card' },
  reminder: {
    customerName: 'Dana',
    kind: 'visit',
    title: 'Spring clean-up',
    windowStart: '2026-11-25T15:00:00Z',
    windowEnd: '2026-11-25T17:00:00Z',
    address: '12 Oak St',
  },
  'lead-received': { customerName: 'Dana', requestedService: 'Weekly mowing' },
  'new-lead': { customerName: 'Dana', requestedService: 'Weekly mowing', leadUrl: 'https://x.test/leads/1' },
} as const;

describe('renderSms', () => {
  it('renders every template in English and Spanish, naming the business, within two segments', () => {
    for (const template of emailTemplateNames) {
      for (const locale of ['en', 'es-MX']) {
        const body = renderSms(template, { locale, tenant, data: samples[template] as never });
        expect(body.startsWith('Evergreen Landscaping: '), `${template} ${locale}`).toBe(true);
        expect(body.length, `${template} ${locale}`).toBeLessThanOrEqual(320);
      }
    }
  });

  it('formats money and dates for the locale, in the tenant time zone', () => {
    expect(renderSms('estimate-sent', { locale: 'en-US', tenant, data: samples['estimate-sent'] })).toContain(
      '$1,234.50',
    );
    const reminder = renderSms('reminder', { locale: 'es', tenant, data: samples.reminder });
    expect(reminder).toContain('visita');
    expect(reminder).toContain('9:00'); // 15:00 UTC is 9:00 in Chicago
    expect(reminder).toContain('Responde STOP');
  });

  it('adds the opt-out line except to sign-in links', () => {
    expect(renderSms('invoice-due', { locale: 'en', tenant, data: samples['invoice-due'] })).toMatch(
      /Reply STOP to opt out\.$/,
    );
    expect(renderSms('magic-link', { locale: 'en', tenant, data: samples['magic-link'] })).not.toContain('STOP');
  });

  it('refuses bad data with a ZodError naming the field', () => {
    expect(() =>
      renderSms('invoice-due', {
        locale: 'en',
        tenant,
        data: { ...samples['invoice-due'], payUrl: 'javascript:alert(1)' },
      }),
    ).toThrow(/payUrl/);
  });
});
