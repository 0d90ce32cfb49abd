import { encodeKeysetCursor } from '@ontrack/schemas/contacts';
import { describe, expect, it } from 'vitest';
import { cursorOf, escapeLike, orderOf, positionIn, searchOf } from './contact-list.js';

const id = '01970000-0000-7000-8000-000000001001';

describe('searchOf', () => {
  it('reads digits and phone punctuation as a phone search, anything else as words', () => {
    expect(searchOf('(512) 555-0105')).toMatchObject({ kind: 'digits', digits: '5125550105' });
    expect(searchOf('+1 512.555')).toMatchObject({ kind: 'digits', digits: '1512555' });
    expect(searchOf('Smyth')).toEqual({ kind: 'words', text: 'smyth', pattern: 'smyth' });
    expect(searchOf('unit 4b')).toMatchObject({ kind: 'words' });
    expect(searchOf('()-')).toMatchObject({ kind: 'words' });
    expect(searchOf(undefined)).toBeUndefined();
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('100%_off\\')).toBe('100\\%\\_off\\\\');
  });
});

describe('orderOf', () => {
  it('ranks a word search by relevance, lists the trash by deletion, else follows sort', () => {
    expect(orderOf({ sort: 'created', deleted: 'exclude' }, searchOf('smith'))).toBe('relevance');
    expect(orderOf({ sort: 'created', deleted: 'exclude' }, searchOf('512'))).toBe('created');
    expect(orderOf({ sort: 'name', deleted: 'only' }, searchOf('smith'))).toBe('deleted');
    expect(orderOf({ sort: '-created', deleted: 'exclude' }, undefined)).toBe('-created');
  });
});

describe('cursors', () => {
  it('round-trip a position of the same order only', () => {
    const cursor = cursorOf('name', { sortKey: 'Jordan: Smith', id });
    expect(positionIn('name', cursor)).toEqual({ sortKey: 'Jordan: Smith', id });
    expect(positionIn('created', cursor)).toBeUndefined();
    expect(
      positionIn('-created', cursorOf('created', { sortKey: '2026-03-16T10:00:00.000+00:00', id })),
    ).toBeUndefined();
  });

  it('refuse hand-made values that the database could not compare', () => {
    expect(positionIn('created', encodeKeysetCursor('created:yesterday', id))).toBeUndefined();
    expect(positionIn('relevance', encodeKeysetCursor('relevance:1; drop', id))).toBeUndefined();
    expect(positionIn('relevance', cursorOf('relevance', { sortKey: '0.33333334', id }))).toEqual({
      sortKey: '0.33333334',
      id,
    });
    expect(positionIn('relevance', cursorOf('relevance', { sortKey: '1e-05', id }))).toBeDefined();
  });
});
