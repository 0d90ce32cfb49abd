import { DEFAULT_ROLES } from '@ontrack/schemas/permissions';
import { describe, expect, it } from 'vitest';
import { activeNavKey, visibleNavItems } from './navigation';

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
