/**
 * The areas the role editor groups permissions into, in the order shown. A permission belongs to the area
 * of its resource (the part before the colon); a resource added to the catalogue later and not listed
 * here lands in `other`, so it is still shown and can still be granted.
 */
export const PERMISSION_AREAS = ['account', 'people', 'customers', 'work', 'money', 'system', 'other'] as const;
export type PermissionArea = (typeof PERMISSION_AREAS)[number];

const AREA_OF_RESOURCE: Readonly<Record<string, PermissionArea>> = {
  tenant: 'account',
  support: 'account',
  users: 'people',
  roles: 'people',
  contacts: 'customers',
  messages: 'customers',
  properties: 'customers',
  leads: 'customers',
  estimates: 'work',
  jobs: 'work',
  tasks: 'work',
  time: 'work',
  schedule: 'work',
  files: 'work',
  invoices: 'money',
  payments: 'money',
  reports: 'money',
  activity: 'system',
  audit: 'system',
  background: 'system',
};

export function areaOf(permission: string): PermissionArea {
  const resource = permission.split(':', 1)[0] ?? '';
  return AREA_OF_RESOURCE[resource] ?? 'other';
}

export interface PermissionGroup<E> {
  area: PermissionArea;
  entries: E[];
}

/**
 * The catalogue's entries by area, areas in PERMISSION_AREAS order and entries in catalogue order; areas
 * with no entry are left out.
 */
export function groupByArea<E extends { key: string }>(entries: readonly E[]): PermissionGroup<E>[] {
  const byArea = new Map<PermissionArea, E[]>();
  for (const entry of entries) {
    const area = areaOf(entry.key);
    byArea.set(area, [...(byArea.get(area) ?? []), entry]);
  }
  return PERMISSION_AREAS.flatMap((area) => {
    const grouped = byArea.get(area);
    return grouped ? [{ area, entries: grouped }] : [];
  });
}

/** An area's checkbox: on when all of its permissions are chosen, mixed when some are. */
export function areaState(keys: readonly string[], chosen: ReadonlySet<string>): boolean | 'indeterminate' {
  const count = keys.filter((key) => chosen.has(key)).length;
  if (count === 0) return false;
  return count === keys.length ? true : 'indeterminate';
}

/** Chosen permissions with `keys` switched on or off, in catalogue order. */
export function setPermissions<P extends string>(
  chosen: ReadonlySet<P>,
  keys: readonly P[],
  on: boolean,
  catalogue: readonly P[],
): P[] {
  const next = new Set(chosen);
  for (const key of keys) {
    if (on) next.add(key);
    else next.delete(key);
  }
  return catalogue.filter((key) => next.has(key));
}

/**
 * Whether someone holding `held` may hand out a role with these permissions: nobody grants what they do not
 * hold (the API refuses it with a 403), so such roles are not offered.
 */
export function canGrant(role: { permissions: readonly string[] }, held: ReadonlySet<string>): boolean {
  return role.permissions.every((permission) => held.has(permission));
}
