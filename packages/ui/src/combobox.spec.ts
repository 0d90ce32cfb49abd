import { describe, expect, it } from 'vitest';
import { type ComboboxOption, filterOptions, moveHighlight, normalizeSearchText, shouldOfferCreate } from './combobox';

const clients: ComboboxOption[] = [
  { value: '1', label: 'Acme Roofing', description: '12 Main St' },
  { value: '2', label: 'Peña Plumbing', keywords: ['PP'] },
  { value: '3', label: 'Roof Masters' },
  { value: '4', label: 'Northside Electric', description: 'Roofing and solar' },
];

const labels = (options: ComboboxOption[]) => options.map((option) => option.label);

describe('normalizeSearchText', () => {
  it('ignores case, accents and extra spaces', () => {
    expect(normalizeSearchText('  Peña   PLUMBING ')).toBe('pena plumbing');
  });
});

describe('filterOptions', () => {
  it('returns every option, in order, for an empty query', () => {
    expect(labels(filterOptions(clients, '  '))).toEqual(labels(clients));
  });

  it('ranks label prefixes, then word prefixes, then other matches', () => {
    expect(labels(filterOptions(clients, 'roof'))).toEqual(['Roof Masters', 'Acme Roofing', 'Northside Electric']);
  });

  it('matches accents loosely, descriptions and hidden keywords', () => {
    expect(labels(filterOptions(clients, 'pena'))).toEqual(['Peña Plumbing']);
    expect(labels(filterOptions(clients, 'main st'))).toEqual(['Acme Roofing']);
    expect(labels(filterOptions(clients, 'pp'))).toEqual(['Peña Plumbing']);
  });

  it('needs every word, in any order', () => {
    expect(labels(filterOptions(clients, 'masters roof'))).toEqual(['Roof Masters']);
    expect(filterOptions(clients, 'roof plumbing')).toEqual([]);
  });
});

describe('shouldOfferCreate', () => {
  it('offers to create typed text that no label matches exactly', () => {
    expect(shouldOfferCreate('Roof', clients)).toBe(true);
    expect(shouldOfferCreate('roof masters ', clients)).toBe(false);
    expect(shouldOfferCreate('   ', clients)).toBe(false);
  });
});

describe('moveHighlight', () => {
  const disabled = [true, false, false, true, false];

  it('starts at the first or last enabled item', () => {
    expect(moveHighlight(disabled, -1, 'next')).toBe(1);
    expect(moveHighlight(disabled, -1, 'previous')).toBe(4);
    expect(moveHighlight(disabled, 2, 'first')).toBe(1);
    expect(moveHighlight([false, true], 0, 'last')).toBe(0);
  });

  it('skips disabled items and wraps around', () => {
    expect(moveHighlight(disabled, 2, 'next')).toBe(4);
    expect(moveHighlight(disabled, 4, 'next')).toBe(1);
    expect(moveHighlight(disabled, 1, 'previous')).toBe(4);
  });

  it('finds nothing in an empty or fully disabled list', () => {
    expect(moveHighlight([], -1, 'next')).toBe(-1);
    expect(moveHighlight([true, true], 0, 'next')).toBe(-1);
    expect(moveHighlight([true, true], -1, 'first')).toBe(-1);
  });
});
