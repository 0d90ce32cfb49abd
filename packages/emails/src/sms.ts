import { createFormatters, type Formatters } from './format.js';
import {
  type EmailData,
  type EmailDataInput,
  type EmailLanguage,
  type EmailTemplateName,
  type EmailTenant,
  emailDataSchemas,
  emailLanguageOf,
  emailLocaleSchema,
  emailTenantSchema,
} from './schemas.js';

/**
 * The SMS wording of every template, beside the emails so that one catalogue holds every message a customer
 * reads, in the same languages, with the same data and formats. Texts are short (one or two segments), name
 * the business first (the sender is a shared number), and end with the opt-out line carriers expect.
 */
interface SmsContext {
  business: string;
  format: Formatters;
}

type SmsTexts = { [T in EmailTemplateName]: (data: EmailData<T>, context: SmsContext) => string };

const texts: Readonly<Record<EmailLanguage, SmsTexts>> = {
  en: {
    'magic-link': (data, { business }) =>
      `${business}: your sign-in link (valid ${data.expiresInMinutes} min): ${data.url}`,
    invitation: (data, { business }) =>
      `${business}: ${data.inviterName} invited you to join as ${data.roleName}. Accept: ${data.acceptUrl}`,
    'estimate-sent': (data, { business, format }) =>
      `${business}: estimate ${data.estimateNumber} for ${format.money(data.totalMinor)} is ready. View: ${data.viewUrl}`,
    'invoice-due': (data, { business, format }) =>
      `${business}: invoice ${data.invoiceNumber} for ${format.money(data.amountDueMinor)} ${
        data.overdue ? 'was due' : 'is due'
      } ${format.date(data.dueDate)}. Pay: ${data.payUrl}`,
    'payment-receipt': (data, { business, format }) =>
      `${business}: thank you! We received ${format.money(data.amountMinor)}${
        data.invoiceNumber ? ` for invoice ${data.invoiceNumber}` : ''
      }.`,
    reminder: (data, { business, format }) =>
      `${business}: reminder of your ${data.kind === 'visit' ? 'visit' : 'appointment'}${
        data.title ? ` (${data.title})` : ''
      }, ${format.window(data.windowStart, data.windowEnd)}, at ${data.address}.`,
    'lead-received': (data, { business }) =>
      `${business}: thank you, ${data.customerName}! We received your request (${data.requestedService}) and will be in touch soon.`,
    'new-lead': (data, { business }) =>
      `${business}: new request from ${data.customerName}: ${data.requestedService}. ${data.leadUrl}`,
  },
  es: {
    'magic-link': (data, { business }) =>
      `${business}: tu enlace para iniciar sesión (válido ${data.expiresInMinutes} min): ${data.url}`,
    invitation: (data, { business }) =>
      `${business}: ${data.inviterName} te invitó a unirte como ${data.roleName}. Acepta aquí: ${data.acceptUrl}`,
    'estimate-sent': (data, { business, format }) =>
      `${business}: tu presupuesto ${data.estimateNumber} por ${format.money(data.totalMinor)} está listo. Míralo: ${data.viewUrl}`,
    'invoice-due': (data, { business, format }) =>
      `${business}: la factura ${data.invoiceNumber} por ${format.money(data.amountDueMinor)} ${
        data.overdue ? 'venció' : 'vence'
      } el ${format.date(data.dueDate)}. Paga aquí: ${data.payUrl}`,
    'payment-receipt': (data, { business, format }) =>
      `${business}: ¡gracias! Recibimos ${format.money(data.amountMinor)}${
        data.invoiceNumber ? ` de la factura ${data.invoiceNumber}` : ''
      }.`,
    reminder: (data, { business, format }) =>
      `${business}: te recordamos tu ${data.kind === 'visit' ? 'visita' : 'cita'}${
        data.title ? ` (${data.title})` : ''
      }, ${format.window(data.windowStart, data.windowEnd)}, en ${data.address}.`,
    'lead-received': (data, { business }) =>
      `${business}: ¡gracias, ${data.customerName}! Recibimos tu solicitud (${data.requestedService}) y te contactaremos pronto.`,
    'new-lead': (data, { business }) =>
      `${business}: nueva solicitud de ${data.customerName}: ${data.requestedService}. ${data.leadUrl}`,
  },
};

const optOut: Readonly<Record<EmailLanguage, string>> = {
  en: 'Reply STOP to opt out.',
  es: 'Responde STOP para no recibir más mensajes.',
};

// Sign-in links are asked for by the reader right now, and staff alerts go to the business's own people: no
// opt-out footer.
const transactionalOnly: ReadonlySet<EmailTemplateName> = new Set(['magic-link', 'new-lead']);

export interface RenderSmsInput<T extends EmailTemplateName> {
  locale: string;
  tenant: EmailTenant;
  data: EmailDataInput<T>;
}

/** One SMS body, validated like renderEmail's input (a ZodError names what is wrong). */
export function renderSms<T extends EmailTemplateName>(template: T, input: RenderSmsInput<T>): string {
  const locale = Intl.getCanonicalLocales(emailLocaleSchema.parse(input.locale))[0] ?? 'en';
  const tenant = emailTenantSchema.parse(input.tenant);
  const data = emailDataSchemas[template].parse(input.data) as EmailData<T>;
  const language = emailLanguageOf(locale) ?? 'en';
  const context = { business: tenant.name, format: createFormatters(locale, tenant.currency, tenant.timeZone) };
  const body = (texts[language][template] as (data: EmailData<T>, context: SmsContext) => string)(data, context);
  return transactionalOnly.has(template) ? body : `${body} ${optOut[language]}`;
}
