import { render, toPlainText } from '@react-email/render';
import { createElement } from 'react';
import { resolveBrand } from './brand.js';
import { createFormatters } from './format.js';
import { Layout } from './layout.js';
import {
  type EmailData,
  type EmailDataInput,
  type EmailTemplateName,
  type EmailTenant,
  emailDataSchemas,
  emailLanguageOf,
  emailLocaleSchema,
  emailTenantSchema,
} from './schemas.js';
import type { EmailTemplate, RenderContext } from './template.js';
import { estimateSentEmail } from './templates/estimate-sent.js';
import { invitationEmail } from './templates/invitation.js';
import { invoiceDueEmail } from './templates/invoice-due.js';
import { leadReceivedEmail } from './templates/lead-received.js';
import { magicLinkEmail } from './templates/magic-link.js';
import { newLeadEmail } from './templates/new-lead.js';
import { paymentReceiptEmail } from './templates/payment-receipt.js';
import { reminderEmail } from './templates/reminder.js';

const templates: { [T in EmailTemplateName]: EmailTemplate<EmailData<T>> } = {
  'magic-link': magicLinkEmail,
  invitation: invitationEmail,
  'estimate-sent': estimateSentEmail,
  'invoice-due': invoiceDueEmail,
  'payment-receipt': paymentReceiptEmail,
  reminder: reminderEmail,
  'lead-received': leadReceivedEmail,
  'new-lead': newLeadEmail,
};

export interface RenderEmailInput<T extends EmailTemplateName> {
  /** BCP 47 tag of the recipient: its language picks the catalogue (en, es), the whole tag the formats. */
  locale: string;
  tenant: EmailTenant;
  data: EmailDataInput<T>;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders one email in both parts. Locale, tenant and data are validated first (they usually come from a job
 * payload read back from the database): a ZodError names what is wrong instead of a half-rendered mail.
 */
export async function renderEmail<T extends EmailTemplateName>(
  template: T,
  input: RenderEmailInput<T>,
): Promise<RenderedEmail> {
  const locale = Intl.getCanonicalLocales(emailLocaleSchema.parse(input.locale))[0] ?? 'en';
  const tenant = emailTenantSchema.parse(input.tenant);
  const data = emailDataSchemas[template].parse(input.data) as EmailData<T>;
  const context: RenderContext = {
    language: emailLanguageOf(locale) ?? 'en',
    locale,
    tenantName: tenant.name,
    brand: resolveBrand(tenant.branding),
    format: createFormatters(locale, tenant.currency, tenant.timeZone),
  };
  const built = templates[template].build(data, context);
  const subject = singleLine(built.subject);
  const html = await render(
    createElement(Layout, {
      context,
      subject,
      preview: built.preview,
      heading: built.heading,
      content: built.content,
    }),
  );
  const text = toPlainText(html, {
    // Headings keep their case (html-to-text shouts them by default; business names would read oddly).
    selectors: [{ selector: 'h1', options: { uppercase: false } }],
  });
  // Layout tables leave runs of blank lines behind; one blank line between blocks reads better.
  return { subject, html, text: text.replace(/\n{3,}/g, '\n\n').trim() };
}

/** A subject is one header line: user-provided names must not smuggle a line break into it. */
function singleLine(value: string): string {
  return value.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();
}
