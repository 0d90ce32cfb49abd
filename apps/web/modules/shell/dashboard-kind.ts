import type { Permission, RoleScope } from '@ontrack/schemas/permissions';

/** Which home a person gets: what their day in the business is about. */
export type DashboardKind = 'admin' | 'office' | 'crew' | 'property_manager' | 'member';

/**
 * Decided by what the person may do rather than by role names, so a custom role lands on the home that fits
 * it: running the business (tenant:manage) → admin; the office's work over the whole business → office;
 * only the jobs assigned to them → crew; only the properties they manage → property manager.
 */
export function dashboardKind(permissions: ReadonlySet<Permission>, scopes: readonly RoleScope[]): DashboardKind {
  if (permissions.has('tenant:manage')) return 'admin';
  if (scopes.includes('tenant') && (permissions.has('contacts:read') || permissions.has('invoices:read'))) {
    return 'office';
  }
  if (scopes.includes('managed_properties')) return 'property_manager';
  if (scopes.includes('assigned') && permissions.has('jobs:read')) return 'crew';
  return 'member';
}
