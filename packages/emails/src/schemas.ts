import { z } from 'zod';

// Imported by job payloads and the API: this file must stay free of React so that validating a payload
// does not load the renderer.

/** Languages with a message catalogue. Region subtags (es-MX) only change number and date formats. */
export const emailLanguages = ['en', 'es'] as const;
export type EmailLanguage = (typeof emailLanguages)[number];

/** A BCP 47 tag whose language has a catalogue: `en`, `en-US`, `es`, `es-MX`. */
export const emailLocaleSchema = z.string().refine(
  (tag) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      return canonical !== undefined && emailLanguageOf(canonical) !== undefined;
    } catch {
      return false;
    }
  },
  `must be a locale whose language is one of ${emailLanguages.join(', ')}`,
);

/** The catalogue language of a locale tag, or undefined when there is none. */
export function emailLanguageOf(tag: string): EmailLanguage | undefined {
  const language = tag.split('-')[0]?.toLowerCase();
  return emailLanguages.find((candidate) => candidate === language);
}

/** The first candidate that has a catalogue (user's, then tenant's…), else English: a mail is never lost to a locale. */
export function resolveEmailLocale(candidates: readonly (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    if (candidate && emailLocaleSchema.safeParse(candidate).success) return candidate;
  }
  return 'en';
}

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0F3659');

/** What a template needs of the sending business; `branding` is the tenant's stored branding column. */
export const emailTenantSchema = z.object({
  name: z.string().trim().min(1).max(200),
  branding: z
    .object({
      primaryColor: hexColor.optional(),
      accentColor: hexColor.optional(),
      logoUrl: z.url({ protocol: /^https?$/ }).optional(),
    })
    .default({}),
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as America/Chicago'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
    .refine((code) => Intl.supportedValuesOf('currency').includes(code), 'is not a known ISO 4217 currency'),
});
export type EmailTenant = z.input<typeof emailTenantSchema>;

// Links end up in href attributes: only web URLs, never javascript: or data:.
const link = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const personName = z.string().trim().min(1).max(200);
const documentNumber = z.string().trim().min(1).max(64);
const instant = z.iso.datetime({ offset: true });
/** Integer minor units (cents) of the tenant currency, as stored. */
const minorUnits = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const magicLinkDataSchema = z.object({
  url: link,
  /** Shown in the text; the token itself expires on the server. */
  expiresInMinutes: z.number().int().min(1).max(1440).default(10),
});

export const invitationDataSchema = z.object({
  inviterName: personName,
  /** The role's display name as the business named it (roles can be custom, so not translated here). */
  roleName: z.string().trim().min(1).max(120),
  acceptUrl: link,
  expiresAt: instant.optional(),
});

export const estimateSentDataSchema = z.object({
  customerName: personName,
  estimateNumber: documentNumber,
  totalMinor: minorUnits,
  viewUrl: link,
  validUntil: z.union([z.iso.date(), instant]).optional(),
});

export const invoiceDueDataSchema = z.object({
  customerName: personName,
  invoiceNumber: documentNumber,
  amountDueMinor: minorUnits,
  /** A calendar date (shown as is) or an instant (shown in the tenant time zone). */
  dueDate: z.union([z.iso.date(), instant]),
  payUrl: link,
  overdue: z.boolean().default(false),
});

export const paymentMethods = ['card', 'bank_transfer', 'cash', 'check', 'other'] as const;

export const paymentReceiptDataSchema = z.object({
  customerName: personName,
  amountMinor: minorUnits,
  paidAt: instant,
  method: z.enum(paymentMethods),
  /** Card last four, check number…: shown beside the method. */
  methodDetail: z.string().trim().min(1).max(64).optional(),
  invoiceNumber: documentNumber.optional(),
  receiptUrl: link.optional(),
});

export const reminderKinds = ['appointment', 'visit'] as const;

export const reminderDataSchema = z
  .object({
    customerName: personName,
    kind: z.enum(reminderKinds),
    /** What is happening, e.g. "Spring clean-up" (optional: the kind alone reads fine). */
    title: z.string().trim().min(1).max(200).optional(),
    windowStart: instant,
    windowEnd: instant,
    address: z.string().trim().min(1).max(500),
    detailsUrl: link.optional(),
  })
  .refine((data) => Date.parse(data.windowEnd) >= Date.parse(data.windowStart), {
    path: ['windowEnd'],
    message: 'must not be before windowStart',
  });

export const leadReceivedDataSchema = z.object({
  customerName: personName,
  requestedService: z.string().trim().min(1).max(200),
  /** The service address as the person typed it, when they gave one. */
  address: z.string().trim().min(1).max(500).optional(),
});

export const newLeadDataSchema = z.object({
  customerName: personName,
  requestedService: z.string().trim().min(1).max(200),
  email: z.string().trim().min(1).max(254).optional(),
  phone: z.string().trim().min(1).max(32).optional(),
  address: z.string().trim().min(1).max(500).optional(),
  message: z.string().trim().min(1).max(5_000).optional(),
  smsConsent: z.boolean().default(false),
  leadUrl: link,
});

/** The data schema of every template, by template name: the single list of templates. */
export const emailDataSchemas = {
  'magic-link': magicLinkDataSchema,
  invitation: invitationDataSchema,
  'estimate-sent': estimateSentDataSchema,
  'invoice-due': invoiceDueDataSchema,
  'payment-receipt': paymentReceiptDataSchema,
  reminder: reminderDataSchema,
  'lead-received': leadReceivedDataSchema,
  'new-lead': newLeadDataSchema,
} as const;

export type EmailTemplateName = keyof typeof emailDataSchemas;
export const emailTemplateNames = Object.keys(emailDataSchemas) as EmailTemplateName[];

/** What a caller passes (defaults may be left out). */
export type EmailDataInput<T extends EmailTemplateName> = z.input<(typeof emailDataSchemas)[T]>;
/** What a template receives, after parsing. */
export type EmailData<T extends EmailTemplateName> = z.output<(typeof emailDataSchemas)[T]>;

const emailRequest = <T extends EmailTemplateName>(template: T) =>
  z.object({
    template: z.literal(template),
    locale: emailLocaleSchema,
    tenant: emailTenantSchema,
    data: emailDataSchemas[template],
  });

/** A whole render request, e.g. as a job payload: `{ template, locale, tenant, data }`. */
export const emailRequestSchema = z.discriminatedUnion('template', [
  emailRequest('magic-link'),
  emailRequest('invitation'),
  emailRequest('estimate-sent'),
  emailRequest('invoice-due'),
  emailRequest('payment-receipt'),
  emailRequest('reminder'),
  emailRequest('lead-received'),
  emailRequest('new-lead'),
]);
export type EmailRequest = z.input<typeof emailRequestSchema>;
