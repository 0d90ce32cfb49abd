import { describe, expect, it } from 'vitest';
import {
  clearedFilters,
  filtersToSearch,
  hasFilters,
  parseFilters,
  parseTagInput,
  sortApplies,
  toListQuery,
} from './contact-filters';

const parse = (search: string) => parseFilters(new URLSearchParams(search));

describe('contact list filters in the address bar', () => {
  it('reads the plain list as no filters, A-Z', () => {
    expect(parse('')).toEqual({ tags: [], sort: 'name', trash: false });
    expect(toListQuery(parse(''))).toEqual({});
    expect(filtersToSearch(parse(''))).toBe('');
  });

  it('round-trips search, tags, kind, sort and the trash in a stable order', () => {
    const filters = parse('trash=1&sort=-created&kind=company&tag=Net%2030&tag=vip&q=%20smith%20');
    expect(filters).toEqual({ q: 'smith', tags: ['net-30', 'vip'], kind: 'company', sort: '-created', trash: true });
    expect(filtersToSearch(filters)).toBe('q=smith&tag=net-30&tag=vip&kind=company&sort=-created&trash=1');
    expect(parse(filtersToSearch(filters))).toEqual(filters);
  });

  it('drops a kind or sort the selects cannot show instead of sending it', () => {
    expect(parse('kind=robot&sort=price')).toEqual({ tags: [], sort: 'name', trash: false });
    expect(parse('trash=yes').trash).toBe(false);
  });

  it('cuts a search to what the API accepts', () => {
    expect(parse(`q=${'a'.repeat(150)}`).q).toHaveLength(100);
  });

  it('asks the API for the trash, and not for a sort a search or the trash ignores', () => {
    expect(toListQuery(parse('sort=-created'))).toEqual({ sort: '-created' });
    expect(toListQuery(parse('q=smyth&sort=-created'))).toEqual({ q: 'smyth' });
    expect(toListQuery(parse('trash=1&sort=created&tag=vip'))).toEqual({ tag: ['vip'], deleted: 'only' });
    expect(sortApplies(parse('q=x'))).toBe(false);
    expect(sortApplies(parse('trash=1'))).toBe(false);
    expect(sortApplies(parse('kind=person'))).toBe(true);
  });

  it('counts search, tags and kind as filters, but not the sort or the trash', () => {
    expect(hasFilters(parse('sort=created&trash=1'))).toBe(false);
    expect(hasFilters(parse('q=a'))).toBe(true);
    expect(hasFilters(parse('tag=a'))).toBe(true);
    expect(hasFilters(parse('kind=person'))).toBe(true);
    expect(clearedFilters(parse('q=a&tag=b&kind=person&sort=created&trash=1'))).toEqual({
      tags: [],
      sort: 'created',
      trash: true,
    });
  });

  it('reads typed tags as the API stores them, without blanks or repeats', () => {
    expect(parseTagInput(' Net 30, vip;VIP\n, weekly  mowing ,')).toEqual(['net-30', 'vip', 'weekly-mowing']);
    expect(parseTagInput('  ')).toEqual([]);
  });
});
