import { Injectable, NotFoundException } from '@nestjs/common';
import { PERMISSIONS, type Permission, permissionKeys } from '@ontrack/schemas/permissions';
import type { CreateRole, PermissionEntry, RoleView, UpdateRole } from '@ontrack/schemas/rbac';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { isUniqueViolation } from '../../platform/db/postgres-errors.js';
import { problem } from '../../platform/http/problem-details.js';
import { type NewRole, RbacRepository, type RoleRow } from './rbac.repository.js';
import {
  administers,
  assertCanGrant,
  conflict,
  currentAccess,
  LAST_ADMINISTRATOR,
  listDiff,
  roleKeyOf,
} from './rbac.rules.js';

const ROLE_KEY_CONSTRAINT = 'roles_tenant_key_key';

/**
 * The tenant's roles: the five defaults (read-only) and custom ones. A custom role may use any scope and
 * any permission the acting admin holds; it cannot be deleted while someone still holds it.
 */
@Injectable()
export class RolesService {
  constructor(
    private readonly repository: RbacRepository,
    private readonly activity: ActivityRecorder,
  ) {}

  permissions(): PermissionEntry[] {
    return permissionKeys.map((key) => ({ key, description: PERMISSIONS[key] }));
  }

  async list(): Promise<RoleView[]> {
    return (await this.repository.listRoles()).map(toView);
  }

  async get(id: string): Promise<RoleView> {
    return toView(await this.load(id));
  }

  async create(input: CreateRole): Promise<RoleView> {
    const { tenantId } = currentAccess();
    assertCanGrant(input.permissions);
    const role: NewRole = {
      key: roleKeyOf(input.name),
      name: input.name,
      description: input.description ?? '',
      scope: input.scope,
    };
    await this.assertKeyFree(role.key);
    const id = await this.saving(role.key, () => this.repository.insertRole(tenantId, role));
    await this.repository.replaceRolePermissions(tenantId, id, input.permissions);
    const created = await this.load(id);
    this.activity.record({
      entityType: 'role',
      entityId: id,
      action: 'create',
      summary: { key: created.key, name: created.name, scope: created.scope, permissions: created.permissions },
    });
    return toView(created);
  }

  async update(id: string, patch: UpdateRole): Promise<RoleView> {
    const { tenantId } = currentAccess();
    await this.repository.lockAdministration(tenantId);
    const before = await this.load(id);
    if (before.isSystem) {
      throw conflict(
        `"${before.name}" is a default role and cannot be changed. Create a custom role with the permissions you need instead.`,
      );
    }
    const permissionChange = patch.permissions && listDiff(before.permissions, patch.permissions);
    if (permissionChange) assertCanGrant(permissionChange.added);

    const fields: Partial<NewRole> = {};
    if (patch.name !== undefined && patch.name !== before.name) {
      fields.name = patch.name;
      fields.key = roleKeyOf(patch.name);
      if (fields.key !== before.key) await this.assertKeyFree(fields.key);
      else delete fields.key;
    }
    if (patch.description !== undefined && patch.description !== before.description)
      fields.description = patch.description;
    if (patch.scope !== undefined && patch.scope !== before.scope) fields.scope = patch.scope;
    if (Object.keys(fields).length > 0) {
      await this.saving(fields.key ?? before.key, () => this.repository.updateRole(id, fields));
    }
    if (permissionChange && patch.permissions) {
      await this.repository.replaceRolePermissions(tenantId, id, patch.permissions);
      // Taking an administration permission away from a role can take the last administrator with it.
      if (administers(new Set(before.permissions)) && !administers(new Set(patch.permissions))) {
        if ((await this.repository.countActiveAdministrators()) === 0) throw conflict(LAST_ADMINISTRATOR);
      }
    }

    const after = await this.load(id);
    const summary: Record<string, unknown> = {};
    for (const field of ['name', 'key', 'description', 'scope'] as const) {
      if (before[field] !== after[field]) summary[field] = [before[field], after[field]];
    }
    if (permissionChange) summary.permissions = permissionChange;
    if (Object.keys(summary).length > 0) {
      this.activity.record({ entityType: 'role', entityId: id, action: 'update', summary });
    }
    return toView(after);
  }

  async remove(id: string): Promise<void> {
    const { tenantId } = currentAccess();
    // Serialised with role assignments, so nobody is given this role between the check and the delete.
    await this.repository.lockAdministration(tenantId);
    const role = await this.load(id);
    if (role.isSystem) throw conflict(`"${role.name}" is a default role and cannot be deleted.`);
    if (role.memberCount > 0) {
      const people = role.memberCount === 1 ? '1 person still holds it' : `${role.memberCount} people still hold it`;
      throw conflict(`The role "${role.name}" cannot be deleted: ${people}. Give them another role first.`);
    }
    if (!(await this.repository.deleteRole(id))) throw notFound();
    this.activity.record({
      entityType: 'role',
      entityId: id,
      action: 'delete',
      summary: { key: role.key, name: role.name, scope: role.scope, permissions: role.permissions },
    });
  }

  private async load(id: string): Promise<RoleRow> {
    const role = await this.repository.findRole(id.toLowerCase());
    if (!role) throw notFound();
    return role;
  }

  private async assertKeyFree(key: string): Promise<void> {
    const existing = await this.repository.findRoleByKey(key);
    if (existing) throw keyTaken(key, existing.name);
  }

  /** Runs a write that may hit the unique role key (a concurrent create), answering 409 instead of 500. */
  private async saving<T>(key: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, ROLE_KEY_CONSTRAINT)) throw keyTaken(key);
      throw error;
    }
  }
}

function toView(role: RoleRow): RoleView {
  const order = (permission: Permission) => permissionKeys.indexOf(permission);
  return { ...role, permissions: [...role.permissions].sort((a, b) => order(a) - order(b)) };
}

function notFound(): NotFoundException {
  return new NotFoundException(problem(404, { detail: 'There is no such role in this business.' }));
}

function keyTaken(key: string, existingName?: string) {
  const existing = existingName ? `"${existingName}"` : 'another role';
  return conflict(
    `A role with the same key (${key}) already exists in this business: ${existing}. Choose a different name.`,
  );
}
