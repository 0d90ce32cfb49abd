import { describe, expect, it } from 'vitest';
import { newId, stableId } from './ids.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('is a version 7 UUID that sorts by creation time', () => {
    const first = newId(1_700_000_000_000);
    const later = newId(1_700_000_000_001);
    expect(first).toMatch(UUID);
    expect(first[14]).toBe('7');
    expect(first < later).toBe(true);
    expect(first.slice(0, 13)).toBe('018bcfe5-6800');
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId(0)));
    expect(ids.size).toBe(1000);
  });
});

describe('stableId', () => {
  const tenant = '01970000-0000-7000-8000-000000000001';
  it('gives the same version 5 UUID for the same inputs, another for other inputs', () => {
    expect(stableId(tenant, 'role:admin')).toBe(stableId(tenant, 'role:admin'));
    expect(stableId(tenant, 'role:admin')).not.toBe(stableId(tenant, 'role:crew'));
    expect(stableId(tenant, 'role:admin')[14]).toBe('5');
    expect(stableId(tenant, 'role:admin')).toMatch(UUID);
  });
});
