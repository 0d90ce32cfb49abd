import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { renderEmail } from './render.js';
import { type EmailDataInput, type EmailTemplateName, emailRequestSchema, emailTemplateNames } from './schemas.js';

const tenant = {
  name: 'Evergreen Landscaping',
  branding: { primaryColor: '#0F3659', accentColor: '#9FE870' },
  timeZone: 'America/Chicago',
  currency: 'USD',
};

// Amounts: 123450 minor units = 1234.50 USD. Instants chosen so that the Chicago date differs from the UTC one.
const fixtures: { [T in EmailTemplateName]: EmailDataInput<T> } = {
  'magic-link': { url: 'https://app.ontrack.test/auth/magic?token=tok_123&next=%2F' },
  invitation: {
    inviterName: 'Dana Ortiz',
    roleName: 'Office staff',
    acceptUrl: 'https://app.ontrack.test/invitations/inv_42',
  },
  'estimate-sent': {
    customerName: 'Sam Lee',
    estimateNumber: 'E-1042',
    totalMinor: 123450,
    viewUrl: 'https://app.ontrack.test/portal/estimates/e_1042',
  },
  'invoice-due': {
    customerName: 'Sam Lee',
    invoiceNumber: 'INV-2031',
    amountDueMinor: 123450,
    dueDate: '2026-03-03T03:00:00Z',
    payUrl: 'https://app.ontrack.test/portal/invoices/i_2031/pay',
  },
  'payment-receipt': {
    customerName: 'Sam Lee',
    amountMinor: 123450,
    paidAt: '2026-03-03T03:00:00Z',
    method: 'card',
    methodDetail: 'Visa 4242',
    invoiceNumber: 'INV-2031',
  },
  reminder: {
    customerName: 'Sam Lee',
    kind: 'visit',
    title: 'Spring clean-up',
    windowStart: '2026-03-03T15:00:00Z',
    windowEnd: '2026-03-03T17:00:00Z',
    address: '12 Oak Street, Austin TX',
    detailsUrl: 'https://app.ontrack.test/portal/visits/v_7',
  },
  'lead-received': {
    customerName: 'Sam Lee',
    requestedService: 'Spring clean-up and mulch',
    address: '12 Oak Street, Austin',
  },
  'new-lead': {
    customerName: 'Sam Lee',
    requestedService: 'Spring clean-up and mulch',
    email: 'sam@example.com',
    phone: '+15125550123',
    address: '12 Oak Street, Austin',
    message: 'The back yard too, please.',
    smsConsent: true,
    leadUrl: 'https://app.ontrack.test/leads/l_7',
  },
};

const usd = { en: '$1,234.50', es: '1234,50\u00a0US$' };

/** The facts each email must carry, in its subject and in its plain-text part. */
const keyFacts: {
  [T in EmailTemplateName]: { subject: Record<'en' | 'es', string[]>; text: Record<'en' | 'es', string[]> };
} = {
  'magic-link': {
    subject: { en: ['sign-in link', 'Evergreen Landscaping'], es: ['iniciar sesión', 'Evergreen Landscaping'] },
    text: {
      en: ['10 minutes', fixtures['magic-link'].url, 'Sign in'],
      es: ['10 minutos', fixtures['magic-link'].url, 'Iniciar sesión'],
    },
  },
  invitation: {
    subject: { en: ['Dana Ortiz', 'Evergreen Landscaping'], es: ['Dana Ortiz', 'Evergreen Landscaping'] },
    text: {
      en: ['Office staff', 'Dana Ortiz', 'Evergreen Landscaping', fixtures.invitation.acceptUrl],
      es: ['Office staff', 'Dana Ortiz', 'Evergreen Landscaping', fixtures.invitation.acceptUrl],
    },
  },
  'estimate-sent': {
    subject: { en: ['E-1042', usd.en], es: ['E-1042', usd.es] },
    text: { en: ['E-1042', usd.en, 'Sam Lee'], es: ['E-1042', usd.es, 'Sam Lee'] },
  },
  'invoice-due': {
    // 03:00 UTC on March 3 is still March 2 in Chicago: the tenant's day is the one shown.
    subject: { en: ['INV-2031', usd.en, 'March 2, 2026'], es: ['INV-2031', usd.es, '2 de marzo de 2026'] },
    text: {
      en: ['INV-2031', usd.en, 'March 2, 2026', fixtures['invoice-due'].payUrl],
      es: ['INV-2031', usd.es, '2 de marzo de 2026', fixtures['invoice-due'].payUrl],
    },
  },
  'payment-receipt': {
    subject: { en: [usd.en, 'Evergreen Landscaping'], es: [usd.es, 'Evergreen Landscaping'] },
    text: {
      en: [usd.en, 'March 2, 2026', 'Card (Visa 4242)', 'INV-2031'],
      es: [usd.es, '2 de marzo de 2026', 'Tarjeta (Visa 4242)', 'INV-2031'],
    },
  },
  'lead-received': {
    subject: { en: ['Evergreen Landscaping', 'received'], es: ['Evergreen Landscaping', 'recibió'] },
    text: {
      en: ['Sam Lee', 'Spring clean-up and mulch', '12 Oak Street, Austin', 'will get back to you'],
      es: ['Sam Lee', 'Spring clean-up and mulch', '12 Oak Street, Austin', 'te responderemos'],
    },
  },
  'new-lead': {
    subject: { en: ['Sam Lee', 'Spring clean-up and mulch'], es: ['Sam Lee', 'Spring clean-up and mulch'] },
    text: {
      en: [
        'sam@example.com',
        '+15125550123',
        'The back yard too',
        'Open the lead',
        'https://app.ontrack.test/leads/l_7',
      ],
      es: ['sam@example.com', '+15125550123', 'The back yard too', 'Abrir', 'https://app.ontrack.test/leads/l_7'],
    },
  },
  reminder: {
    subject: { en: ['visit', 'March 3, 2026'], es: ['visita', '3 de marzo de 2026'] },
    text: {
      en: ['Tuesday, March 3, 2026', '9:00', '11:00', '12 Oak Street, Austin TX', 'Spring clean-up'],
      es: ['martes, 3 de marzo de 2026', '9:00', '11:00', '12 Oak Street, Austin TX', 'Spring clean-up'],
    },
  },
};

const locales = { en: 'en-US', es: 'es' } as const;

describe('renderEmail', () => {
  for (const template of emailTemplateNames) {
    describe(template, () => {
      for (const language of ['en', 'es'] as const) {
        it(`renders HTML and text in ${language} with the key facts`, async () => {
          const email = await renderEmail(template, { locale: locales[language], tenant, data: fixtures[template] });
          expect(email.html).toMatch(/^<!DOCTYPE html/);
          expect(email.html).toContain(`lang="${language}"`);
          expect(email.html).toContain('role="presentation"');
          expect(email.html).toContain(`<title>${email.subject}</title>`);
          for (const fact of keyFacts[template].subject[language]) expect(email.subject).toContain(fact);
          for (const fact of keyFacts[template].text[language]) expect(email.text).toContain(fact);
          expect(email.text).not.toMatch(/<[a-z]/i);
          expect(email.text).toContain('Evergreen Landscaping');
        });
      }

      it('says it differently in Spanish', async () => {
        const [en, es] = await Promise.all(
          (['en', 'es'] as const).map((language) =>
            renderEmail(template, { locale: language, tenant, data: fixtures[template] }),
          ),
        );
        expect(es?.subject).not.toBe(en?.subject);
        expect(es?.text).not.toBe(en?.text);
        expect(es?.text).toContain('OnTrack');
      });
    });
  }

  it('keeps user-provided strings as text in the HTML', async () => {
    const hostile = '<script>alert("x")</script> & <b>Co</b>';
    const email = await renderEmail('estimate-sent', {
      locale: 'en',
      tenant: { ...tenant, name: hostile },
      data: { ...fixtures['estimate-sent'], customerName: '<img src=x onerror=alert(1)>' },
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).not.toContain('<b>Co</b>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The text part is text/plain: the same characters, shown as typed.
    expect(email.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('keeps a line break out of the subject', async () => {
    const email = await renderEmail('invitation', {
      locale: 'en',
      tenant,
      data: { ...fixtures.invitation, inviterName: 'Eve\r\nBcc: victim@example.com' },
    });
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toContain('Eve Bcc: victim@example.com');
  });

  it('brands the header, button and logo from the tenant', async () => {
    const branded = {
      ...tenant,
      branding: { primaryColor: '#FDBA74', accentColor: '#7C2D12', logoUrl: 'https://cdn.ontrack.test/logo.png' },
    };
    const email = await renderEmail('magic-link', { locale: 'en', tenant: branded, data: fixtures['magic-link'] });
    expect(email.html).toContain('background-color:#FDBA74');
    expect(email.html).toContain('background-color:#7C2D12');
    // A light primary gets dark text on it; the logo is named for screen readers and image-blocking clients.
    expect(email.html).toMatch(/background-color:#FDBA74;color:#000000/);
    expect(email.html).toMatch(/<img alt="Evergreen Landscaping"[^>]*src="https:\/\/cdn\.ontrack\.test\/logo\.png"/);
  });

  it('falls back to the OnTrack colours with white text on the primary', async () => {
    const email = await renderEmail('magic-link', {
      locale: 'en',
      tenant: { ...tenant, branding: {} },
      data: fixtures['magic-link'],
    });
    expect(email.html).toMatch(/background-color:#0F3659;color:#FFFFFF/);
    expect(email.html).toContain('background-color:#9FE870');
  });

  it('formats money in zero- and three-decimal currencies from minor units', async () => {
    const yen = await renderEmail('estimate-sent', {
      locale: 'en',
      tenant: { ...tenant, currency: 'JPY' },
      data: { ...fixtures['estimate-sent'], totalMinor: 123450 },
    });
    expect(yen.subject).toContain('¥123,450');
    const dinar = await renderEmail('estimate-sent', {
      locale: 'en',
      tenant: { ...tenant, currency: 'KWD' },
      data: { ...fixtures['estimate-sent'], totalMinor: 1234505 },
    });
    expect(dinar.subject).toContain('1,234.505');
  });

  it('shows a calendar due date as it is, whatever the tenant time zone', async () => {
    const email = await renderEmail('invoice-due', {
      locale: 'en',
      tenant: { ...tenant, timeZone: 'Pacific/Auckland' },
      data: { ...fixtures['invoice-due'], dueDate: '2026-03-15', overdue: true },
    });
    expect(email.subject).toContain('overdue');
    expect(email.text).toContain('March 15, 2026');
  });

  it('refuses invalid data, tenant or locale', async () => {
    await expect(
      renderEmail('magic-link', { locale: 'en', tenant, data: { url: 'javascript:alert(1)' } }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      renderEmail('magic-link', { locale: 'fr', tenant, data: fixtures['magic-link'] }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      renderEmail('magic-link', { locale: 'en', tenant: { ...tenant, currency: 'XYZ' }, data: fixtures['magic-link'] }),
    ).rejects.toBeInstanceOf(ZodError);
  });

  it('accepts a whole request as a job payload would carry it', () => {
    const request = emailRequestSchema.parse({
      template: 'reminder',
      locale: 'es-MX',
      tenant,
      data: fixtures.reminder,
    });
    expect(request.template).toBe('reminder');
    expect(() => emailRequestSchema.parse({ template: 'reminder', locale: 'es', tenant, data: {} })).toThrow(ZodError);
  });
});
