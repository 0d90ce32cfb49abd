// Plain constants and normalisers of contacts, properties and leads, without zod: the web app's client code
// reads them (board columns, filter chips, phone formatting) without bundling zod. The zod schemas of the API
// contract are in contacts.ts, properties.ts and leads.ts. The database enums (packages/db/src/schema) list
// the same values; a unit test there compares them.

export const CONTACT_KINDS = ['person', 'company'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const LEAD_SOURCES = ['web_form', 'phone', 'email', 'referral', 'walk_in', 'other'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** `open` stages make the pipeline; `won` and `lost` close a lead (a lost lead needs a reason). */
export const LEAD_STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type LeadStageKind = (typeof LEAD_STAGE_KINDS)[number];

export const GEOCODE_STATUSES = ['pending', 'ok', 'failed', 'skipped'] as const;
export type GeocodeStatus = (typeof GEOCODE_STATUSES)[number];

interface DefaultLeadStage {
  key: string;
  kind: LeadStageKind;
  /** The stage's name in the business's language when it is created; admins may rename it afterwards. */
  name: { en: string; es: string };
}

/** The pipeline every new business starts with, in board order; the first is where new leads land. */
export const DEFAULT_LEAD_STAGES: readonly DefaultLeadStage[] = [
  { key: 'new', kind: 'open', name: { en: 'New', es: 'Nuevo' } },
  { key: 'contacted', kind: 'open', name: { en: 'Contacted', es: 'Contactado' } },
  { key: 'site_visit_scheduled', kind: 'open', name: { en: 'Site visit scheduled', es: 'Visita programada' } },
  { key: 'estimate_sent', kind: 'open', name: { en: 'Estimate sent', es: 'Presupuesto enviado' } },
  { key: 'won', kind: 'won', name: { en: 'Won', es: 'Ganado' } },
  { key: 'lost', kind: 'lost', name: { en: 'Lost', es: 'Perdido' } },
];

/** E.164: `+`, a country code that does not start with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * A phone number as typed ("(512) 555-0105", "512.555.0105", "+44 20 7946 0958", "0044 20 …") in E.164, or
 * undefined when it cannot be one. Numbers without an international prefix are read in the business's
 * country calling code (`defaultCallingCode`, "1" for the US and Canada): ten digits there, or eleven
 * starting with the code. Extensions and letters are refused rather than guessed.
 */
export function normalizePhone(input: string, defaultCallingCode = '1'): string | undefined {
  const trimmed = input.trim();
  if (!/^[+\d\s().\-/]+$/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, '');
  let e164: string;
  if (trimmed.startsWith('+')) e164 = `+${digits}`;
  else if (digits.startsWith('00')) e164 = `+${digits.slice(2)}`;
  else if (defaultCallingCode === '1' && digits.length === 10) e164 = `+1${digits}`;
  else if (defaultCallingCode === '1' && digits.length === 11 && digits.startsWith('1')) e164 = `+${digits}`;
  else if (defaultCallingCode !== '1' && digits.startsWith('0')) e164 = `+${defaultCallingCode}${digits.slice(1)}`;
  else return undefined;
  // North American numbers are exactly ten digits after the 1: a short or long one is a typo, not a number.
  if (e164.startsWith('+1') && e164.length !== 12) return undefined;
  return E164.test(e164) ? e164 : undefined;
}

/** An email address as stored and compared: trimmed and lower-cased (duplicates are found case-insensitively). */
export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}

/** A tag as stored: trimmed, lower-cased, inner whitespace collapsed to one hyphen ("Net 30" → "net-30"). */
export function normalizeTag(input: string): string {
  return input.trim().toLowerCase().replace(/\s+/g, '-');
}
