import { Injectable } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import { memberships } from '@ontrack/db/schema/memberships';
import { type Tenant, tenants } from '@ontrack/db/schema/tenants';
import { users } from '@ontrack/db/schema/users';
import type { TenantSecurity } from '@ontrack/schemas/auth-mfa';
import type { PublicBusiness, UpdateMe, UpdateTenant } from '@ontrack/schemas/tenants';
import { asc, eq, sql } from 'drizzle-orm';
import { currentDb } from '../../platform/db/current-transaction.js';

@Injectable()
export class TenantsRepository {
  async findById(tenantId: string): Promise<Tenant | undefined> {
    const [tenant] = await currentDb().select().from(tenants).where(eq(tenants.id, tenantId));
    return tenant;
  }

  async update(tenantId: string, patch: UpdateTenant): Promise<Tenant | undefined> {
    const [tenant] = await currentDb()
      .update(tenants)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(tenants.id, tenantId))
      .returning();
    return tenant;
  }

  async updateSecurity(tenantId: string, patch: TenantSecurity): Promise<Tenant | undefined> {
    const [tenant] = await currentDb()
      .update(tenants)
      .set({ mfaRequiredForStaff: patch.mfaRequiredForStaff, updatedAt: sql`now()` })
      .where(eq(tenants.id, tenantId))
      .returning();
    return tenant;
  }

  /** Only the signed-in user's own row is writable (policy users_update_self). */
  async updateUser(userId: string, patch: UpdateMe) {
    const [user] = await currentDb()
      .update(users)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    return user;
  }

  /** By slug, before anyone is signed in: runs in the caller's `public-profile` system context. */
  async findPublicProfile(tx: Database, slug: string): Promise<PublicBusiness | undefined> {
    const [tenant] = await tx
      .select({ slug: tenants.slug, name: tenants.name, locale: tenants.locale, branding: tenants.branding })
      .from(tenants)
      .where(eq(tenants.slug, slug));
    return tenant ? { ...tenant, locale: tenant.locale === 'es' ? 'es' : 'en' } : undefined;
  }

  async findUser(userId: string) {
    const [user] = await currentDb()
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(eq(users.id, userId));
    return user;
  }

  /**
   * The user's memberships in every tenant, for the tenant switcher: readable through the own-membership
   * policy; the tenants through their members policy (active memberships only).
   */
  async findMembershipsOfUser(userId: string) {
    return currentDb()
      .select({ tenantId: memberships.tenantId, slug: tenants.slug, name: tenants.name, status: memberships.status })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(tenants.name));
  }
}
