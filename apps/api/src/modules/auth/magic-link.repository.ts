import { Injectable } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import { magicLinks } from '@ontrack/db/schema/auth';
import { applySessionContext } from '@ontrack/db/session-context';
import { eq, sql } from 'drizzle-orm';

/** Who a requested link would go to; undefined fields when there is no one (nothing is sent then). */
export interface LinkRecipient {
  userId: string;
  email: string;
  name: string;
  locale: string | null;
  isPlatformOperator: boolean;
  /** The business to queue the email in (the portal's, else the user's first active membership). */
  tenantId: string | undefined;
  /** For a portal link: the business it is scoped to (the user is an active member there). */
  portalTenantId: string | undefined;
}

export interface PresentedLink {
  id: string;
  userId: string | null;
  portalTenantId: string | null;
  browserHash: string;
  usedAt: Date | null;
  expired: boolean;
}

const NO_USER = '00000000-0000-0000-0000-000000000000';

/** Sign-in links. Nobody is signed in yet: everything runs in the flow's `system:auth` transaction. */
@Injectable()
export class MagicLinkRepository {
  /**
   * The user with this email and the business to send from. The same statements run whether or not the
   * address belongs to anyone, so the answer takes about as long either way. Memberships are visible to
   * their own user only, so the transaction acts as that user for the second statement.
   */
  async findRecipient(tx: Database, email: string, tenant: string | undefined): Promise<LinkRecipient | undefined> {
    const [user] = await tx.execute<{
      id: string;
      email: string;
      name: string;
      locale: string | null;
      is_platform_operator: boolean;
    }>(sql`select id, email, name, locale, is_platform_operator from users where email = ${email}`);
    await applySessionContext(tx, { system: 'auth', userId: user?.id ?? NO_USER });
    const memberships = await tx.execute<{ tenant_id: string }>(sql`
      select m.tenant_id from memberships m join tenants t on t.id = m.tenant_id
      where m.user_id = ${user?.id ?? NO_USER} and m.status = 'active'
        and (${tenant ?? null}::text is null or t.id::text = lower(${tenant ?? ''}) or t.slug = ${tenant ?? ''})
      order by m.activated_at nulls last, m.tenant_id
      limit 1`);
    await applySessionContext(tx, { system: 'auth' });
    if (!user) return undefined;
    const tenantId = memberships[0]?.tenant_id;
    // A portal link goes only to a member of that business.
    if (tenant && !tenantId) return undefined;
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      isPlatformOperator: user.is_platform_operator,
      tenantId,
      portalTenantId: tenant ? tenantId : undefined,
    };
  }

  async insert(
    tx: Database,
    link: {
      id: string;
      email: string;
      userId: string | null;
      portalTenantId: string | null;
      tokenHash: string;
      browserHash: string;
      requestIp: string | null;
      minutes: number;
    },
  ): Promise<void> {
    const { minutes, ...values } = link;
    await tx.insert(magicLinks).values({ ...values, expiresAt: sql`now() + make_interval(mins => ${minutes})` });
  }

  /** Locked: the same link presented twice at once is used once. */
  async findForUpdate(tx: Database, tokenHash: string): Promise<PresentedLink | undefined> {
    const [row] = await tx
      .select({
        id: magicLinks.id,
        userId: magicLinks.userId,
        portalTenantId: magicLinks.portalTenantId,
        browserHash: magicLinks.browserHash,
        usedAt: magicLinks.usedAt,
        expired: sql<boolean>`${magicLinks.expiresAt} <= now()`,
      })
      .from(magicLinks)
      .where(eq(magicLinks.tokenHash, tokenHash))
      .for('update');
    return row;
  }

  async markUsed(tx: Database, id: string): Promise<void> {
    await tx.update(magicLinks).set({ usedAt: sql`now()` }).where(eq(magicLinks.id, id));
  }

  /** Whether the user is still an active member of the portal's business (memberships: own rows only). */
  async isActiveMember(tx: Database, userId: string, tenantId: string): Promise<boolean> {
    await applySessionContext(tx, { system: 'auth', userId });
    const rows = await tx.execute<{ ok: boolean }>(sql`
      select true as ok from memberships where tenant_id = ${tenantId} and user_id = ${userId} and status = 'active'`);
    await applySessionContext(tx, { system: 'auth' });
    return rows.length > 0;
  }

  async findUser(tx: Database, userId: string): Promise<{ id: string; email: string; name: string } | undefined> {
    const [row] = await tx.execute<{ id: string; email: string; name: string }>(
      sql`select id, email, name from users where id = ${userId}`,
    );
    return row;
  }
}
