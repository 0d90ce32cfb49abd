import { describe, expect, it } from 'vitest';
import {
  CONTACT_IMPORT_MAX_BYTES,
  contactExportQuerySchema,
  contactImportSchema,
  importColumnKey,
} from './contacts-import.js';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('contactImportSchema', () => {
  it('needs a non-empty CSV of at most 5 MB (in UTF-8 bytes) and an explicit dryRun', () => {
    expect(contactImportSchema.parse({ csv: 'name\nA', dryRun: true })).toEqual({
      csv: 'name\nA',
      dryRun: true,
      skipInvalid: false,
    });
    expect(issuesOf(contactImportSchema.safeParse({ csv: ' \n', dryRun: true }))).toEqual(['csv: must not be empty']);
    // Two bytes per "é": half as many characters already exceed the limit.
    const accented = 'é'.repeat(CONTACT_IMPORT_MAX_BYTES / 2 + 1);
    expect(issuesOf(contactImportSchema.safeParse({ csv: accented, dryRun: true }))).toEqual([
      'csv: must be at most 5 MB',
    ]);
    expect(issuesOf(contactImportSchema.safeParse({ csv: 'name\nA' }))).toHaveLength(1);
  });
});

describe('contactExportQuerySchema', () => {
  it('takes the list filters but no paging', () => {
    expect(contactExportQuerySchema.parse({ tag: 'VIP', q: 'smith' })).toEqual({
      q: 'smith',
      tag: ['vip'],
      sort: 'name',
      deleted: 'exclude',
    });
    expect(contactExportQuerySchema.safeParse({ limit: '5' }).success).toBe(false);
  });
});

describe('importColumnKey', () => {
  it('ignores case, spaces, underscores and hyphens', () => {
    expect(['Display Name', 'display_name', 'displayName', 'DISPLAY-NAME'].map(importColumnKey)).toEqual(
      Array(4).fill('displayname'),
    );
  });
});
