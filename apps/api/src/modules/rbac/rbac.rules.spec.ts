import type { Permission } from '@ontrack/schemas/permissions';
import { describe, expect, it } from 'vitest';
import { administers, listDiff, roleKeyOf } from './rbac.rules.js';

describe('roleKeyOf', () => {
  it.each([
    ['Site Lead (North)', 'site_lead_north'],
    ['  Office   Staff ', 'office_staff'],
    ['Jefe de Cuadrilla Señor', 'jefe_de_cuadrilla_senor'],
    ['Über-Admin!!', 'uber_admin'],
    ['Бригадир', 'бригадир'],
    ['A1 & B2', 'a1_b2'],
  ])('%s → %s', (name, key) => {
    expect(roleKeyOf(name)).toBe(key);
  });
});

describe('listDiff', () => {
  it('names what was added and removed, sorted, or nothing when the sets are equal', () => {
    expect(listDiff(['b', 'a', 'c'], ['d', 'a'])).toEqual({ added: ['d'], removed: ['b', 'c'] });
    expect(listDiff(['a', 'b'], ['b', 'a'])).toBeUndefined();
  });
});

describe('administers', () => {
  it('needs both roles:manage and users:manage', () => {
    expect(administers(new Set<Permission>(['roles:manage', 'users:manage', 'jobs:read']))).toBe(true);
    expect(administers(new Set<Permission>(['roles:manage']))).toBe(false);
    expect(administers(new Set<Permission>(['users:manage']))).toBe(false);
  });
});
