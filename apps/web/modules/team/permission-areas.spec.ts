import { DEFAULT_ROLES, permissionKeys } from '@ontrack/schemas/permissions';
import { describe, expect, it } from 'vitest';
import { areaOf, areaState, canGrant, groupByArea, PERMISSION_AREAS, setPermissions } from './permission-areas';

describe('groupByArea', () => {
  it('puts every permission of the catalogue in a known area', () => {
    const unplaced = permissionKeys.filter((key) => areaOf(key) === 'other');
    expect(unplaced).toEqual([]);
  });

  it('groups in area order, keeping catalogue order inside an area and leaving out empty areas', () => {
    const groups = groupByArea([
      { key: 'jobs:read' },
      { key: 'users:read' },
      { key: 'tasks:write' },
      { key: 'jobs:write' },
      { key: 'invoices:read' },
    ]);
    expect(groups.map((group) => group.area)).toEqual(['people', 'work', 'money']);
    expect(groups[1]?.entries.map((entry) => entry.key)).toEqual(['jobs:read', 'tasks:write', 'jobs:write']);
  });

  it('still shows a permission of a resource it does not know, last', () => {
    const groups = groupByArea([{ key: 'drones:fly' }, { key: 'tenant:read' }]);
    expect(groups.map((group) => group.area)).toEqual(['account', 'other']);
  });

  it('covers the whole catalogue exactly once', () => {
    const groups = groupByArea(permissionKeys.map((key) => ({ key })));
    expect(groups.flatMap((group) => group.entries.map((entry) => entry.key)).sort()).toEqual(
      [...permissionKeys].sort(),
    );
    expect(groups.every((group) => PERMISSION_AREAS.includes(group.area))).toBe(true);
  });
});

describe('area checkbox', () => {
  const keys = ['jobs:read', 'jobs:write'];
  it('is off, mixed or on', () => {
    expect(areaState(keys, new Set())).toBe(false);
    expect(areaState(keys, new Set(['jobs:read', 'tenant:read']))).toBe('indeterminate');
    expect(areaState(keys, new Set(keys))).toBe(true);
  });

  it('switches a set of permissions on or off in catalogue order', () => {
    const catalogue = ['tenant:read', 'jobs:read', 'jobs:write'];
    expect(setPermissions(new Set(['jobs:write']), ['tenant:read'], true, catalogue)).toEqual([
      'tenant:read',
      'jobs:write',
    ]);
    expect(setPermissions(new Set(catalogue), keys, false, catalogue)).toEqual(['tenant:read']);
  });
});

describe('canGrant', () => {
  it('offers only roles whose every permission the inviter holds', () => {
    const office = new Set<string>(DEFAULT_ROLES.office_staff.permissions);
    expect(canGrant(DEFAULT_ROLES.crew, office)).toBe(true);
    expect(canGrant(DEFAULT_ROLES.client, office)).toBe(true);
    expect(canGrant(DEFAULT_ROLES.admin, office)).toBe(false);
    expect(canGrant(DEFAULT_ROLES.admin, new Set(permissionKeys))).toBe(true);
  });
});
