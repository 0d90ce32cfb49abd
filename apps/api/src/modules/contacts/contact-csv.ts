import type { ContactView } from '@ontrack/schemas/contacts';
import {
  CONTACT_EXPORT_COLUMNS,
  CONTACT_IMPORT_COLUMNS,
  CONTACT_IMPORT_MAX_ROWS,
  importColumnKey,
} from '@ontrack/schemas/contacts-import';

// CSV as RFC 4180 writes it, read leniently enough for what spreadsheets export (LF or CRLF line ends, a
// UTF-8 byte order mark). Pure functions: the import and export services do the database work.

/** Why a file cannot be read as CSV at all (the import answers 422 on the `csv` field). */
export class CsvError extends Error {}

/** The records of a CSV text: each a list of cells. A final line break does not make an empty record. */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let line = 1;
  let i = 0;
  const endRecord = () => {
    record.push(cell);
    records.push(record);
    record = [];
    cell = '';
  };
  while (i < input.length) {
    const char = input[i];
    if (char === '"' && cell === '') {
      // A quoted cell: runs to the next lone quote; "" is a quote inside it; may span lines.
      const startLine = line;
      i += 1;
      for (;;) {
        if (i >= input.length) throw new CsvError(`a quoted cell that starts on line ${startLine} is never closed`);
        const inner = input[i];
        if (inner === '"') {
          if (input[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (inner === '\n') line += 1;
        cell += inner;
        i += 1;
      }
      const next = input[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CsvError(`line ${line}: text after a closing quote (a quote inside a cell must be doubled: "")`);
      }
      continue;
    }
    if (char === ',') {
      record.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && input[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
    } else {
      cell += char;
    }
    i += 1;
  }
  if (cell !== '' || record.length > 0) endRecord();
  return records;
}

/** RFC 4180: a cell is quoted when it holds a comma, quote or line break (or edge spaces a reader would trim). */
function quote(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula: an export
 * must not let a contact's name become `=HYPERLINK(...)` on the office computer. Such a cell gets a leading
 * apostrophe, which spreadsheets read as "text". A plain number (an E.164 phone such as +15125550100, a
 * negative amount) cannot run anything and is left as it is, so every phone of the file stays usable.
 */
export function neutraliseCell(cell: string): string {
  if (!/^[=+\-@\t\r]/.test(cell) || /^[+-]?\d[\d.]*$/.test(cell)) return cell;
  return `'${cell}`;
}

/** The reverse of neutraliseCell, for a file this API exported and a person edited. */
export function restoreCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export function formatCsv(records: readonly (readonly string[])[]): string {
  const lines = records.map((record) => record.map((cell) => quote(neutraliseCell(cell))).join(','));
  return lines.map((line) => `${line}\r\n`).join('');
}

/** The export file: a header row (CONTACT_EXPORT_COLUMNS), then one contact per row. Lists are `;`-separated. */
export function contactsToCsv(contacts: readonly ContactView[]): string {
  const cellsOf = (contact: ContactView): string[] =>
    CONTACT_EXPORT_COLUMNS.map((column) => {
      const value = contact[column];
      if (Array.isArray(value)) return value.join(';');
      return value === null ? '' : String(value);
    });
  return formatCsv([[...CONTACT_EXPORT_COLUMNS], ...contacts.map(cellsOf)]);
}

type ImportField = (typeof CONTACT_IMPORT_COLUMNS)[keyof typeof CONTACT_IMPORT_COLUMNS];
const LIST_FIELDS: ReadonlySet<ImportField> = new Set(['tags', 'emails', 'phones']);
// Enumerations are matched case-insensitively ("Company", "SMS"); everything else is passed on as typed.
const LOWER_CASED_FIELDS: ReadonlySet<ImportField> = new Set(['kind', 'preferredChannel', 'locale']);

export interface ImportRow {
  /** The data row, counting from 1 after the header (blank rows keep their number but are skipped). */
  row: number;
  /** The contact as createContactSchema takes it: empty cells are left out, so its defaults apply. */
  input: Record<string, string | string[]>;
}

export interface ImportFile {
  rows: ImportRow[];
  /** Header names that no contact field reads. */
  ignoredColumns: string[];
}

/** Reads an import file into contact inputs; throws CsvError when it cannot be read as contacts at all. */
export function readImportFile(csv: string): ImportFile {
  const [header, ...records] = parseCsv(csv);
  if (!header) throw new CsvError('the file is empty: it needs a header row naming the columns');
  const fields = header.map(
    (name) => CONTACT_IMPORT_COLUMNS[importColumnKey(name) as keyof typeof CONTACT_IMPORT_COLUMNS],
  );
  if (!fields.includes('displayName')) {
    throw new CsvError('the header row needs a "displayName" (or "name") column');
  }
  const seen = new Set<ImportField>();
  for (const [index, field] of fields.entries()) {
    if (!field) continue;
    if (seen.has(field)) throw new CsvError(`two columns fill ${field} ("${header[index]}"): keep one`);
    seen.add(field);
  }
  const rows: ImportRow[] = [];
  for (const [index, cells] of records.entries()) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    const input: ImportRow['input'] = {};
    for (const [column, field] of fields.entries()) {
      // Line breaks inside a cell as a form stores them (spreadsheets write CRLF).
      const cell = restoreCell((cells[column] ?? '').trim()).replace(/\r\n?/g, '\n');
      if (!field || cell === '') continue;
      if (LIST_FIELDS.has(field)) {
        input[field] = cell
          .split(/[;,]/)
          .map((item) => item.trim())
          .filter(Boolean);
      } else {
        input[field] = LOWER_CASED_FIELDS.has(field) ? cell.toLowerCase() : cell;
      }
    }
    rows.push({ row: index + 1, input });
  }
  if (rows.length > CONTACT_IMPORT_MAX_ROWS) {
    throw new CsvError(
      `the file has ${rows.length} rows; an import takes at most ${CONTACT_IMPORT_MAX_ROWS}: split it into several files`,
    );
  }
  return {
    rows,
    ignoredColumns: header.filter((name, index) => !fields[index] && name.trim() !== '').map((name) => name.trim()),
  };
}
