import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { type CreateContact, createContactBodySchema } from '@ontrack/schemas/contacts';
import type { ContactImport, ContactImportReport } from '@ontrack/schemas/contacts-import';
import type { InvalidParam } from '@ontrack/schemas/problem';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { problem } from '../../platform/http/problem-details.js';
import { CsvError, readImportFile } from './contact-csv.js';
import { matchedOn, matchKeysOf } from './contact-duplicates.js';
import { ContactsRepository, type DuplicateCandidate } from './contacts.repository.js';
import { currentTenantId } from './contacts.service.js';

/** How many rejected rows a refused import lists in its problem (the dry run's report has them all). */
const LISTED_REJECTIONS = 50;

interface ValidRow {
  row: number;
  contact: CreateContact;
}

/**
 * CSV import of contacts. Every row goes through the schema of POST /contacts (the business's calling code
 * reads phones without `+`; "1" until businesses have a country). A dry run only reports; a real import
 * writes every valid row in the request's transaction, so it is all or nothing, and records ONE activity
 * entry with the counts. Rows with problems refuse the whole import unless the caller chose skipInvalid
 * (after seeing them in a dry run). Duplicates (same email or phone as a contact or an earlier row) are
 * reported and imported anyway, as a create would.
 */
@Injectable()
export class ContactImportService {
  constructor(
    private readonly repository: ContactsRepository,
    private readonly activity: ActivityRecorder,
  ) {}

  async import(request: ContactImport): Promise<ContactImportReport> {
    const file = readFile(request.csv);
    const valid: ValidRow[] = [];
    const rejected: ContactImportReport['rejected'] = [];
    for (const { row, input } of file.rows) {
      const parsed = createContactBodySchema.safeParse(input);
      if (parsed.success) valid.push({ row, contact: parsed.data });
      else {
        for (const issue of parsed.error.issues) {
          rejected.push({ row, field: String(issue.path[0] ?? 'row'), detail: issue.message });
        }
      }
    }
    const existing = await this.repository.findByMatchKeys([...new Set(valid.flatMap((v) => matchKeysOf(v.contact)))]);
    const report: ContactImportReport = {
      dryRun: request.dryRun,
      total: file.rows.length,
      valid: valid.length,
      created: 0,
      rejected,
      duplicates: findDuplicates(valid, existing),
      ignoredColumns: file.ignoredColumns,
    };
    if (request.dryRun) return report;
    if (rejected.length > 0 && !request.skipInvalid) throw rowsRejected(rejected);

    const created = await this.repository.insertMany(
      currentTenantId(),
      valid.map((v) => v.contact),
    );
    if (created > 0) {
      this.activity.record({
        entityType: 'contact',
        action: 'import',
        summary: {
          total: report.total,
          created,
          rejected: new Set(rejected.map((r) => r.row)).size,
          duplicates: report.duplicates.length,
          // A few names, so the log says whom the import brought in.
          displayNames: valid.slice(0, 10).map((v) => v.contact.displayName),
        },
      });
    }
    return { ...report, created };
  }
}

function readFile(csv: string) {
  try {
    return readImportFile(csv);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new UnprocessableEntityException(
      problem(422, {
        detail: `The file cannot be imported: ${error.message}.`,
        errors: [{ in: 'body', pointer: '#/csv', field: 'csv', detail: error.message, code: 'invalid_csv' }],
      }),
    );
  }
}

/** Rows whose email or phone another contact, or an earlier row of the file, already has (one warning per row). */
function findDuplicates(
  rows: readonly ValidRow[],
  existing: readonly DuplicateCandidate[],
): ContactImportReport['duplicates'] {
  const contactByKey = new Map<string, DuplicateCandidate>();
  for (const candidate of existing) {
    for (const key of candidate.matchKeys) if (!contactByKey.has(key)) contactByKey.set(key, candidate);
  }
  const rowByKey = new Map<string, ValidRow>();
  const duplicates: ContactImportReport['duplicates'] = [];
  for (const row of rows) {
    const keys = matchKeysOf(row.contact);
    for (const value of keys) {
      const contact = contactByKey.get(value);
      const earlier = rowByKey.get(value);
      if (contact || earlier) {
        duplicates.push({
          row: row.row,
          contactId: contact?.id ?? null,
          duplicateOfRow: contact ? null : (earlier?.row ?? null),
          displayName: contact?.displayName ?? earlier?.contact.displayName ?? '',
          matchedOn: matchedOn(value),
          value,
        });
        break;
      }
    }
    for (const key of keys) if (!rowByKey.has(key)) rowByKey.set(key, row);
  }
  return duplicates;
}

function rowsRejected(rejected: ContactImportReport['rejected']): UnprocessableEntityException {
  const rows = new Set(rejected.map((r) => r.row)).size;
  const errors: InvalidParam[] = rejected.slice(0, LISTED_REJECTIONS).map((r) => ({
    in: 'body',
    pointer: '#/csv',
    field: 'csv',
    detail: `row ${r.row}, ${r.field}: ${r.detail}`,
    code: 'invalid_row',
  }));
  return new UnprocessableEntityException(
    problem(422, {
      detail: `${rows} row${rows === 1 ? '' : 's'} of the file cannot be imported, so nothing was. Fix them, or import with skipInvalid to leave them out.`,
      errors,
    }),
  );
}
