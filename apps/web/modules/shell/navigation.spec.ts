import { DEFAULT_ROLES } from '@ontrack/schemas/permissions';
import { describe, expect, it } from 'vitest';
import { activeNavKey, permissionsOf, visibleNavItems } from './navigation';

const keysFor = (permissions: readonly string[]) =>
  visibleNavItems(new Set(permissions) as Parameters<typeof visibleNavItems>[0]).map((item) => item.key);

describe('role-based navigation', () => {
  it('shows office staff the office work and the settings they may read', () => {
    expect(keysFor(DEFAULT_ROLES.office_staff.permissions)).toEqual([
      'dashboard',
      'contacts',
      'leads',
      'jobs',
      'invoices',
      'activity',
      'settings',
    ]);
  });

  it('never shows crew invoices or settings', () => {
    expect(keysFor(DEFAULT_ROLES.crew.permissions)).toEqual(['dashboard', 'jobs']);
  });

  it('shows only the dashboard when nothing is known', () => {
    expect(keysFor([])).toEqual(['dashboard']);
  });

  it('marks the deepest matching item as current', () => {
    expect(activeNavKey('/settings/devices')).toBe('settings');
    expect(activeNavKey('/app')).toBe('dashboard');
    expect(activeNavKey('/elsewhere')).toBeUndefined();
  });
});

describe('permissionsOf', () => {
  const roles = [
    { id: 'r1', permissions: ['contacts:read'] },
    { id: 'r2', permissions: ['leads:read', 'contacts:read'] },
    { id: 'r3', permissions: ['tenant:manage'] },
  ];

  it('unites the permissions of every role the member holds', () => {
    const members = [{ userId: 'u1', roles: [{ id: 'r1' }, { id: 'r2' }] }];
    expect([...(permissionsOf('u1', roles, members) ?? [])].sort()).toEqual(['contacts:read', 'leads:read']);
  });

  it('knows nothing of someone missing from the members list', () => {
    expect(permissionsOf('u2', roles, [{ userId: 'u1', roles: [{ id: 'r3' }] }])).toBeUndefined();
  });
});
