import { ConflictException, ForbiddenException } from '@nestjs/common';
import type { Permission } from '@ontrack/schemas/permissions';
import { ADMINISTRATION_PERMISSIONS } from '@ontrack/schemas/rbac';
import { problem } from '../../platform/http/problem-details.js';
import { requestContext, type TenantAccess } from '../../platform/request-context/request-context.js';

/** The tenant and the acting user of a request that passed the tenant guard. */
export function currentAccess(): TenantAccess & { userId: string } {
  const { tenant, actor } = requestContext();
  if (!tenant || !actor) throw new Error('the RBAC routes run behind the tenant guard');
  return { ...tenant, userId: actor.userId };
}

/** Whether a set of permissions makes its holder an administrator (people and roles). */
export function administers(permissions: ReadonlySet<Permission>): boolean {
  return ADMINISTRATION_PERMISSIONS.every((permission) => permissions.has(permission));
}

export const LAST_ADMINISTRATOR =
  'This change is refused: the business would be left without an administrator (an active member with ' +
  'the roles:manage and users:manage permissions). Give someone else an administrator role first.';

export function conflict(detail: string): ConflictException {
  return new ConflictException(problem(409, { detail }));
}

/**
 * Nobody hands out more than they hold: a custom role or a role assignment may only carry permissions the
 * acting user has themselves, so `users:manage` alone cannot be turned into full administration.
 */
export function assertCanGrant(permissions: Iterable<Permission>): void {
  const held = currentAccess().permissions;
  const missing = [...new Set(permissions)].filter((permission) => !held.has(permission));
  if (missing.length > 0) {
    throw new ForbiddenException(
      problem(403, { detail: `You cannot grant permissions you do not hold yourself: ${missing.sort().join(', ')}.` }),
    );
  }
}

/** `{ added, removed }` between two lists, each sorted; undefined when they hold the same items. */
export function listDiff<T extends string>(
  before: readonly T[],
  after: readonly T[],
): { added: T[]; removed: T[] } | undefined {
  const added = after.filter((item) => !before.includes(item)).sort();
  const removed = before.filter((item) => !after.includes(item)).sort();
  return added.length || removed.length ? { added, removed } : undefined;
}

/**
 * A role's key from its name: lower case, accents dropped, every run of other characters one `_`
 * ("Site Lead (North)" → `site_lead_north`), like the keys of the default roles.
 */
export function roleKeyOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}
