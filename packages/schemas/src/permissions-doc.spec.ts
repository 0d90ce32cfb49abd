import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ROLE_KEYS,
  DEFAULT_ROLES,
  PERMISSIONS,
  type Permission,
  permissionKeys,
  ROLE_SCOPES,
  SUPPORT_PERMISSIONS,
} from './permissions.js';

/**
 * docs/permissions.md shows the permission matrix to people; permissions.ts is what the code enforces.
 * This test reads the document's tables and fails on any difference, so the two cannot drift apart.
 */
const doc = readFileSync(new URL('../../../docs/permissions.md', import.meta.url), 'utf8');

/** The first Markdown table after `marker` (header row, then body rows; the separator row dropped), as trimmed cells. */
function tableAfter(marker: string): string[][] {
  const start = doc.indexOf(marker);
  if (start < 0) throw new Error(`docs/permissions.md has no "${marker}"`);
  const lines = doc.slice(start + marker.length).split('\n');
  const first = lines.findIndex((line) => line.trim().startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.trim().startsWith('|')) break;
    rows.push(
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  const [header, separator, ...body] = rows;
  if (!header || !separator?.every((cell) => /^:?-+:?$/.test(cell))) throw new Error(`no table after "${marker}"`);
  return [header, ...body];
}

const unquote = (cell: string) => cell.replace(/^`|`$/g, '');

const columns = [
  ...DEFAULT_ROLE_KEYS.map((key) => ({ name: DEFAULT_ROLES[key].name, grants: DEFAULT_ROLES[key].permissions })),
  { name: 'Support', grants: SUPPORT_PERMISSIONS },
];

describe('docs/permissions.md', () => {
  const [header = [], ...rows] = tableAfter('<!-- permission-matrix:start');

  it('has one column per default role, then Support', () => {
    expect(header).toEqual(['Permission', 'What it allows', ...columns.map((column) => column.name)]);
  });

  it('lists every permission of the catalogue, in its order, with its description', () => {
    expect(rows.map((row) => [unquote(row[0] ?? ''), row[1]])).toEqual(
      permissionKeys.map((key) => [key, PERMISSIONS[key]]),
    );
  });

  it('marks exactly what DEFAULT_ROLES and SUPPORT_PERMISSIONS grant', () => {
    const documented: string[] = [];
    const granted: string[] = [];
    for (const row of rows) {
      const permission = unquote(row[0] ?? '') as Permission;
      columns.forEach((column, index) => {
        const cell = row[index + 2];
        if (cell !== '✓' && cell !== '–') documented.push(`${permission} × ${column.name}: unreadable cell "${cell}"`);
        else if (cell === '✓') documented.push(`${permission} × ${column.name}`);
        if (column.grants.includes(permission)) granted.push(`${permission} × ${column.name}`);
      });
    }
    // Compared as lists of "permission × role" so a failure names each cell that is wrong.
    expect(documented.sort()).toEqual(granted.sort());
  });

  it('describes each default role with its key and scope, and every scope', () => {
    const [roleHeader, ...roleRows] = tableAfter('## Default roles');
    expect(roleHeader?.slice(0, 3)).toEqual(['Role', 'Key', 'Scope']);
    expect(roleRows.map((row) => [row[0], unquote(row[1] ?? ''), unquote(row[2] ?? ''), row[3]])).toEqual(
      DEFAULT_ROLE_KEYS.map((key) => [
        DEFAULT_ROLES[key].name,
        key,
        DEFAULT_ROLES[key].scope,
        DEFAULT_ROLES[key].description,
      ]),
    );
    const [, ...scopeRows] = tableAfter('## Scopes');
    expect(scopeRows.map((row) => unquote(row[0] ?? ''))).toEqual([...ROLE_SCOPES]);
  });
});
