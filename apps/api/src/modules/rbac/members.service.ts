import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { Permission } from '@ontrack/schemas/permissions';
import { problemTypes } from '@ontrack/schemas/problem';
import type { MemberView, UpdateMember } from '@ontrack/schemas/rbac';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { problem } from '../../platform/http/problem-details.js';
import { type MemberRoleRow, type MemberRow, RbacRepository, type RoleRow } from './rbac.repository.js';
import { administers, assertCanGrant, conflict, currentAccess, LAST_ADMINISTRATOR, listDiff } from './rbac.rules.js';

/**
 * The people of the tenant and their roles. Status and roles change here; joining (invitations) does not.
 * Rules: nobody suspends themselves or takes away their own administration, and the business always keeps
 * an active administrator.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly repository: RbacRepository,
    private readonly activity: ActivityRecorder,
  ) {}

  async list(): Promise<MemberView[]> {
    const [members, roles] = await Promise.all([this.repository.listMembers(), this.repository.findMemberRoles()]);
    const rolesByUser = new Map<string, MemberRoleRow[]>();
    for (const role of roles) rolesByUser.set(role.userId, [...(rolesByUser.get(role.userId) ?? []), role]);
    return members.map((member) => toView(member, rolesByUser.get(member.userId) ?? []));
  }

  async update(userId: string, patch: UpdateMember): Promise<MemberView> {
    const access = currentAccess();
    const self = userId.toLowerCase() === access.userId.toLowerCase();
    await this.repository.lockAdministration(access.tenantId);
    const member = await this.repository.findMember(userId.toLowerCase());
    if (!member) throw new NotFoundException(problem(404, { detail: 'There is no such member in this business.' }));
    const [heldRoles, heldPermissions] = await Promise.all([
      this.repository.findMemberRoles([member.userId]),
      this.repository.findMemberPermissions(member.userId),
    ]);

    const status = patch.status ?? member.status;
    if (status !== member.status) {
      if (member.status === 'invited') {
        throw conflict(
          `${member.email} has not accepted their invitation yet: they become active by accepting it, and an ` +
            'invitation is withdrawn through the invitations, not here.',
        );
      }
      if (self && status === 'suspended') throw conflict('You cannot suspend yourself.');
    }

    const newRoles = patch.roleIds ? await this.resolveRoles(patch.roleIds) : undefined;
    const roleChange = newRoles
      ? listDiff(
          heldRoles.map((role) => role.id),
          newRoles.map((role) => role.id),
        )
      : undefined;
    if (newRoles && roleChange) {
      const added = newRoles.filter((role) => roleChange.added.includes(role.id));
      assertCanGrant(added.flatMap((role) => role.permissions));
    }

    await this.assertAdministrationKept(self, {
      before: { active: member.status === 'active', roles: heldRoles, permissions: heldPermissions },
      after: { active: status === 'active', roles: newRoles },
    });

    const summary: Record<string, unknown> = {};
    if (status !== member.status) {
      await this.repository.updateMemberStatus(member.userId, status as 'active' | 'suspended');
      summary.status = [member.status, status];
    }
    if (newRoles && roleChange) {
      await this.repository.replaceMemberRoles(
        access.tenantId,
        member.userId,
        newRoles.map((role) => role.id),
      );
      const keyOf = new Map([...heldRoles, ...newRoles].map((role) => [role.id, role.key]));
      summary.roles = {
        added: roleChange.added.map((id) => keyOf.get(id)).sort(),
        removed: roleChange.removed.map((id) => keyOf.get(id)).sort(),
      };
    }
    if (Object.keys(summary).length > 0) {
      this.activity.record({ entityType: 'membership', entityId: member.userId, action: 'update', summary });
    }

    const after = (await this.repository.findMember(member.userId)) ?? member;
    return toView(after, await this.repository.findMemberRoles([member.userId]));
  }

  /**
   * Nobody takes away their own administration (or their Admin role), and the business keeps at least one
   * active administrator. The administration lock is held, so the count stays true until the commit.
   */
  private async assertAdministrationKept(self: boolean, change: AdministrationChange): Promise<void> {
    const { before, after } = change;
    const permissionsAfter = after.roles
      ? new Set<Permission>(after.roles.flatMap((role) => role.permissions))
      : before.permissions;
    const wasAdministrator = before.active && administers(before.permissions);
    const staysAdministrator = after.active && administers(permissionsAfter);
    if (self) {
      const heldAdminRole = before.roles.some((role) => role.key === 'admin');
      const dropsAdminRole = heldAdminRole && after.roles && !after.roles.some((role) => role.key === 'admin');
      if (dropsAdminRole || (wasAdministrator && !staysAdministrator)) {
        throw conflict('You cannot remove your own administrator role. Another administrator has to do it.');
      }
    }
    if (wasAdministrator && !staysAdministrator && (await this.repository.countActiveAdministrators()) <= 1) {
      throw conflict(LAST_ADMINISTRATOR);
    }
  }

  /** The roles named by a request, in its order; 422 naming each id that is not a role of this tenant. */
  private async resolveRoles(roleIds: readonly string[]): Promise<RoleRow[]> {
    const ids = roleIds.map((id) => id.toLowerCase());
    const found = new Map((await this.repository.findRoles(ids)).map((role) => [role.id, role]));
    const unknown = ids.flatMap((id, index) => (found.has(id) ? [] : [index]));
    if (unknown.length > 0) {
      throw new UnprocessableEntityException(
        problem(422, {
          type: problemTypes.validation,
          title: 'Your request has invalid fields',
          detail: `${unknown.length === 1 ? 'One of the roles' : `${unknown.length} of the roles`} in roleIds ${
            unknown.length === 1 ? 'is' : 'are'
          } not a role of this business.`,
          errors: unknown.map((index) => ({
            in: 'body' as const,
            pointer: `#/roleIds/${index}`,
            field: `roleIds.${index}`,
            detail: 'is not a role of this business',
            code: 'unknown_role',
          })),
        }),
      );
    }
    return ids.map((id) => found.get(id) as RoleRow);
  }
}

interface AdministrationChange {
  before: { active: boolean; roles: readonly MemberRoleRow[]; permissions: ReadonlySet<Permission> };
  /** `roles` is undefined when the request leaves them as they are. */
  after: { active: boolean; roles: readonly RoleRow[] | undefined };
}

function toView(member: MemberRow, roles: readonly MemberRoleRow[]): MemberView {
  return {
    userId: member.userId,
    email: member.email,
    name: member.name,
    status: member.status,
    roles: roles.map(({ id, key, name }) => ({ id, key, name })),
    activatedAt: member.activatedAt?.toISOString() ?? null,
  };
}
