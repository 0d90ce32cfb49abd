import type { Permission, RoleScope } from '@ontrack/schemas/permissions';
import { describe, expect, it } from 'vitest';
import { dashboardKind } from './dashboard-kind';

const kind = (permissions: Permission[], scopes: RoleScope[]) => dashboardKind(new Set(permissions), scopes);

describe('dashboardKind', () => {
  it('gives each default role its own home', () => {
    expect(kind(['tenant:manage', 'contacts:read'], ['tenant'])).toBe('admin');
    expect(kind(['contacts:read', 'invoices:read', 'jobs:read'], ['tenant'])).toBe('office');
    expect(kind(['jobs:read'], ['assigned'])).toBe('crew');
    expect(kind(['jobs:read', 'contacts:read'], ['managed_properties'])).toBe('property_manager');
  });

  it('places a custom role by what it may do, and falls back to a plain home', () => {
    expect(kind(['contacts:read'], ['tenant'])).toBe('office');
    expect(kind(['jobs:read'], ['assigned', 'managed_properties'])).toBe('property_manager');
    expect(kind(['activity:read'], ['tenant'])).toBe('member');
    expect(kind([], [])).toBe('member');
  });
});
