import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from './table-sort';

describe('nextSort', () => {
  it('starts a new column ascending and flips the sorted one', () => {
    expect(nextSort(null, 'name')).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'descending' }, 'name')).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort({ key: 'name', direction: 'descending' }, 'total')).toEqual({
      key: 'total',
      direction: 'ascending',
    });
  });
});

describe('sortRows', () => {
  const jobs = [
    { name: 'Job 10', total: 300, due: new Date('2026-03-02') },
    { name: 'job 9', total: null, due: new Date('2026-01-15') },
    { name: 'Job 2', total: 1200, due: null },
    { name: 'Ábaco roof', total: 300, due: new Date('2026-02-01') },
  ];
  const names = (rows: typeof jobs) => rows.map((row) => row.name);

  it('orders text by locale collation with numbers compared as numbers, ignoring case and accents', () => {
    expect(names(sortRows(jobs, (job) => job.name, 'ascending', 'en'))).toEqual([
      'Ábaco roof',
      'Job 2',
      'job 9',
      'Job 10',
    ]);
    expect(names(sortRows(jobs, (job) => job.name, 'descending', 'en'))).toEqual([
      'Job 10',
      'job 9',
      'Job 2',
      'Ábaco roof',
    ]);
  });

  it('keeps empty values last in both directions and equal values in their original order', () => {
    expect(names(sortRows(jobs, (job) => job.total, 'ascending'))).toEqual(['Job 10', 'Ábaco roof', 'Job 2', 'job 9']);
    expect(names(sortRows(jobs, (job) => job.total, 'descending'))).toEqual(['Job 2', 'Job 10', 'Ábaco roof', 'job 9']);
  });

  it('compares dates by time and leaves the input array untouched', () => {
    const copy = [...jobs];
    expect(names(sortRows(jobs, (job) => job.due, 'ascending'))).toEqual(['job 9', 'Ábaco roof', 'Job 10', 'Job 2']);
    expect(jobs).toEqual(copy);
  });
});
