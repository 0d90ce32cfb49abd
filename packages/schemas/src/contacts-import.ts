import { z } from 'zod';
import { contactListQuerySchema } from './contacts.js';

// CSV import and export of contacts (docs/contacts.md § API: contacts). The rows of an import are checked
// with the same schema as POST /contacts (createContactSchema), so a file is refused for exactly the reasons a
// form would be, and reported per row and field.

/** Largest CSV an import takes, in bytes of UTF-8 (the JSON body around it may be larger: quotes are escaped). */
export const CONTACT_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Most data rows (after the header) one import takes. */
export const CONTACT_IMPORT_MAX_ROWS = 10_000;

/**
 * The columns an import reads, by header name (case, spaces, `_` and `-` do not matter) and the field of the
 * contact each one fills. `tags`, `emails` and `phones` hold several values separated by `;` or `,`.
 */
export const CONTACT_IMPORT_COLUMNS = {
  displayname: 'displayName',
  name: 'displayName',
  kind: 'kind',
  companyname: 'companyName',
  company: 'companyName',
  email: 'email',
  phone: 'phone',
  emails: 'emails',
  phones: 'phones',
  tags: 'tags',
  notes: 'notes',
  preferredchannel: 'preferredChannel',
  locale: 'locale',
} as const;

/** The header as an import reads it: "Display Name", "display_name" and "displayName" are the same column. */
export function importColumnKey(header: string): string {
  return header.toLowerCase().replace(/[\s_-]+/g, '');
}

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/** POST /contacts/import. */
export const contactImportSchema = z.strictObject({
  csv: z
    .string()
    .refine((csv) => csv.trim().length > 0, 'must not be empty')
    .refine((csv) => utf8Bytes(csv) <= CONTACT_IMPORT_MAX_BYTES, 'must be at most 5 MB')
    .describe(
      'The file: a header row naming the columns (displayName or name, kind, companyName, email, phone, emails, phones, tags, notes, preferredChannel, locale), then one contact per row. RFC 4180 quoting.',
    ),
  dryRun: z
    .boolean()
    .describe('true: check every row and report, write nothing. false: create the contacts of the valid rows.'),
  skipInvalid: z
    .boolean()
    .default(false)
    .describe('With dryRun false: create the valid rows even when others are rejected (otherwise nothing is written).'),
});
export type ContactImport = z.output<typeof contactImportSchema>;

export const contactImportRejectionSchema = z.object({
  row: z.number().int().min(1).describe('The data row, counting from 1 after the header.'),
  field: z.string().describe('The contact field (or "row" for a row that cannot be read at all).'),
  detail: z.string(),
});

export const contactImportDuplicateSchema = z.object({
  row: z.number().int().min(1),
  contactId: z
    .uuid()
    .nullable()
    .describe('The existing contact with the same email or phone; null for an earlier row.'),
  duplicateOfRow: z.number().int().min(1).nullable().describe('The earlier row of this file with the same value.'),
  displayName: z.string().describe('The name of the existing contact or earlier row.'),
  matchedOn: z.enum(['email', 'phone']),
  value: z.string(),
});

/** What an import found (and, unless a dry run, did). Duplicates are warnings: those rows are still imported. */
export const contactImportReportSchema = z.object({
  dryRun: z.boolean(),
  total: z.number().int().describe('Data rows in the file.'),
  valid: z.number().int().describe('Rows that pass validation (created unless this is a dry run).'),
  created: z.number().int().describe('Contacts created (0 on a dry run).'),
  rejected: z.array(contactImportRejectionSchema),
  duplicates: z.array(contactImportDuplicateSchema),
  ignoredColumns: z.array(z.string()).describe('Header names the import does not know; their cells are ignored.'),
});
export type ContactImportReport = z.infer<typeof contactImportReportSchema>;

/** GET /contacts/export: the list's filters and sort, without paging (every matching contact). */
export const contactExportQuerySchema = contactListQuerySchema.omit({ cursor: true, limit: true });
export type ContactExportQuery = z.output<typeof contactExportQuerySchema>;

/** The columns of an export, in order; an export imports back unchanged (unknown columns such as id are ignored). */
export const CONTACT_EXPORT_COLUMNS = [
  'id',
  'displayName',
  'kind',
  'companyName',
  'email',
  'phone',
  'emails',
  'phones',
  'tags',
  'preferredChannel',
  'locale',
  'notes',
  'createdAt',
  'updatedAt',
  'deletedAt',
] as const;
