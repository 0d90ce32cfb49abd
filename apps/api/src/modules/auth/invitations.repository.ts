import { Injectable } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { invitations } from '@ontrack/db/schema/auth';
import type { Permission, RoleScope } from '@ontrack/schemas/permissions';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { currentDb } from '../../platform/db/current-transaction.js';

export type InvitableRole = {
  id: string;
  name: string;
  scope: RoleScope;
  permissions: Permission[];
};

export type InvitationRow = {
  id: string;
  email: string;
  roleId: string;
  roleName: string;
  contactId: string | null;
  invitedByUserId: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
};

export type PresentedInvitation = {
  tenantId: string;
  id: string;
  email: string;
  roleId: string;
  contactId: string | null;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  expired: boolean;
};

const view = sql`i.id, i.email, i.role_id as "roleId", r.name as "roleName", i.contact_id as "contactId",
  i.invited_by_user_id as "invitedByUserId", i.created_at as "createdAt", i.expires_at as "expiresAt",
  i.accepted_at as "acceptedAt", i.revoked_at as "revokedAt"`;

/**
 * Invitations. The tenant's own routes work in the request transaction (RLS: this business only); the
 * acceptance, before anyone is signed in, in the flow's `system:auth` transaction.
 */
@Injectable()
export class InvitationsRepository {
  async findRole(roleId: string): Promise<InvitableRole | undefined> {
    const [row] = await currentDb().execute<InvitableRole>(sql`
      select r.id, r.name, r.scope::text as scope,
             coalesce(array_agg(rp.permission_key) filter (where rp.permission_key is not null), '{}') as permissions
      from roles r left join role_permissions rp on rp.tenant_id = r.tenant_id and rp.role_id = r.id
      where r.id = ${roleId}
      group by r.id, r.name, r.scope`);
    return row;
  }

  async contactExists(contactId: string): Promise<boolean> {
    const rows = await currentDb().execute(sql`select 1 from contacts where id = ${contactId}`);
    return rows.length > 0;
  }

  async isActiveMember(email: string): Promise<boolean> {
    const rows = await currentDb().execute(sql`
      select 1 from memberships m join users u on u.id = m.user_id
      where u.email = ${email} and m.status = 'active' and m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)`);
    return rows.length > 0;
  }

  /** An invitation sent again replaces the pending ones to the same address: only the newest link works. */
  async revokePendingFor(tenantId: string, email: string): Promise<string[]> {
    const rows = await currentDb()
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.tenantId, tenantId),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id });
    return rows.map((row) => row.id);
  }

  async insert(invitation: {
    tenantId: string;
    email: string;
    roleId: string;
    contactId: string | null;
    invitedByUserId: string;
    tokenHash: string;
    days: number;
  }): Promise<InvitationRow> {
    const { days, ...values } = invitation;
    const id = newId();
    await currentDb()
      .insert(invitations)
      .values({ ...values, id, expiresAt: sql`now() + make_interval(days => ${days})` });
    const row = await this.findById(id);
    if (!row) throw new Error('the invitation was not inserted');
    return row;
  }

  async findById(id: string): Promise<InvitationRow | undefined> {
    const [row] = await currentDb().execute<InvitationRow>(sql`
      select ${view} from invitations i join roles r on r.tenant_id = i.tenant_id and r.id = i.role_id
      where i.id = ${id}`);
    return row && withDates(row);
  }

  async listPending(): Promise<InvitationRow[]> {
    const rows = await currentDb().execute<InvitationRow>(sql`
      select ${view} from invitations i join roles r on r.tenant_id = i.tenant_id and r.id = i.role_id
      where i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
      order by i.created_at desc, i.id desc
      limit 500`);
    return rows.map(withDates);
  }

  /** Revokes a pending invitation; undefined when there is no pending one with this id. */
  async revoke(id: string): Promise<{ id: string; email: string } | undefined> {
    const [row] = await currentDb()
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.id, id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .returning({ id: invitations.id, email: invitations.email });
    return row;
  }

  // --- acceptance (system:auth, then the invitation's tenant) -----------------------------------------

  async findByTokenForUpdate(tx: Database, tokenHash: string): Promise<PresentedInvitation | undefined> {
    const [row] = await tx.execute<PresentedInvitation>(sql`
      select i.tenant_id as "tenantId", i.id, i.email, i.role_id as "roleId", i.contact_id as "contactId",
             i.accepted_at as "acceptedAt", i.revoked_at as "revokedAt", i.expires_at <= now() as expired
      from invitations i where i.token_hash = ${tokenHash}
      for update`);
    return row;
  }

  /** In the invitation's tenant context: the role's scope (a client's role gives a portal-scoped session). */
  async roleScope(tx: Database, roleId: string): Promise<RoleScope | undefined> {
    const [row] = await tx.execute<{ scope: RoleScope }>(
      sql`select scope::text as scope from roles where id = ${roleId}`,
    );
    return row?.scope;
  }

  /** The user with this email, created when there is none yet (named after the address until they say). */
  async findOrCreateUser(tx: Database, email: string): Promise<{ id: string; email: string; name: string }> {
    const [existing] = await tx.execute<{ id: string; email: string; name: string }>(
      sql`select id, email, name from users where email = ${email}`,
    );
    if (existing) return existing;
    const name = email.split('@')[0] || email;
    const [created] = await tx.execute<{ id: string; email: string; name: string }>(sql`
      insert into users (id, email, name) values (${newId()}, ${email}, ${name})
      on conflict (email) do update set updated_at = users.updated_at
      returning id, email, name`);
    if (!created) throw new Error('the invited user could not be created');
    return created;
  }

  /** Active membership with the role (and the client's contact); re-activates a suspended or invited one. */
  async grantMembership(
    tx: Database,
    membership: { tenantId: string; userId: string; roleId: string; contactId: string | null },
  ): Promise<void> {
    await tx.execute(sql`
      insert into memberships (tenant_id, user_id, status, contact_id, activated_at)
      values (${membership.tenantId}, ${membership.userId}, 'active', ${membership.contactId}, now())
      on conflict (tenant_id, user_id) do update
        set status = 'active', contact_id = coalesce(excluded.contact_id, memberships.contact_id),
            activated_at = coalesce(memberships.activated_at, now()), updated_at = now()`);
    await tx.execute(sql`
      insert into user_roles (tenant_id, user_id, role_id)
      values (${membership.tenantId}, ${membership.userId}, ${membership.roleId})
      on conflict do nothing`);
  }

  async markAccepted(tx: Database, tenantId: string, id: string, userId: string): Promise<void> {
    await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedUserId: userId })
      .where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id)));
  }
}

function withDates(row: InvitationRow): InvitationRow {
  return {
    ...row,
    createdAt: new Date(row.createdAt),
    expiresAt: new Date(row.expiresAt),
    acceptedAt: row.acceptedAt ? new Date(row.acceptedAt) : null,
    revokedAt: row.revokedAt ? new Date(row.revokedAt) : null,
  };
}
