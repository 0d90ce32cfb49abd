import { describe, expect, it } from 'vitest';
import { decodeKeysetCursor, encodeKeysetCursor } from './contacts.js';
import { decodeCursor, encodeCursor } from './pagination.js';

const ID = '01970000-0000-7000-8000-000000001005';

describe('cursors', () => {
  it('round-trip positions beyond Latin-1 (a page ending on "Kevin O’Brien")', () => {
    expect(decodeCursor(encodeCursor('kevin o’brien'))).toBe('kevin o’brien');
    expect(decodeKeysetCursor(encodeKeysetCursor('Zoë 北京 O’Brien', ID))).toEqual({
      sortValue: 'Zoë 北京 O’Brien',
      id: ID,
    });
  });

  it('keep ASCII cursors as they were', () => {
    expect(encodeCursor('42')).toBe(btoa('c1:42').replace(/=+$/, ''));
  });

  it('take the longest name a contact may have', () => {
    const name = 'ñ'.repeat(200);
    expect(decodeKeysetCursor(encodeKeysetCursor(name, ID))).toEqual({ sortValue: name, id: ID });
  });

  it('refuse what no cursor of ours looks like', () => {
    expect(decodeCursor('not a cursor')).toBeUndefined();
    expect(decodeCursor(btoa('\xff\xfe').replace(/=+$/, ''))).toBeUndefined();
  });
});
