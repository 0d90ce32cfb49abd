import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Database, DatabaseHandle } from '@ontrack/db/client';
import type { Tenant } from '@ontrack/db/schema/tenants';
import { applySessionContext } from '@ontrack/db/session-context';
import type { TenantSecurity } from '@ontrack/schemas/auth-mfa';
import type { Me, MyAccess, PublicBusiness, TenantView, UpdateMe, UpdateTenant } from '@ontrack/schemas/tenants';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { DATABASE } from '../../platform/db/database.module.js';
import { problem } from '../../platform/http/problem-details.js';
import { requestContext } from '../../platform/request-context/request-context.js';
import { TenantsRepository } from './tenants.repository.js';

@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: TenantsRepository,
    private readonly activity: ActivityRecorder,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {}

  /** Read from the request context: the tenant guard loaded it with the membership, no query needed. */
  access(): MyAccess {
    const tenant = requestContext().tenant;
    if (!tenant) throw new Error('access needs a tenant request');
    return {
      tenantId: tenant.tenantId,
      roles: [...tenant.roles],
      scopes: [...tenant.scopes],
      permissions: [...tenant.permissions].sort(),
    };
  }

  async me(): Promise<Me> {
    const { actor } = requestContext();
    const user = actor ? await this.tenants.findUser(actor.userId) : undefined;
    if (!actor || !user) throw new NotFoundException(problem(404, { detail: 'Your user account no longer exists.' }));
    return { ...user, memberships: await this.tenants.findMembershipsOfUser(actor.userId) };
  }

  /**
   * The user's own name and language. Not in a business's activity log: a profile belongs to the person, not
   * to any one of their businesses.
   */
  async updateMe(patch: UpdateMe): Promise<Me> {
    const { actor } = requestContext();
    if (!actor || !(await this.tenants.updateUser(actor.userId, patch))) {
      throw new NotFoundException(problem(404, { detail: 'Your user account no longer exists.' }));
    }
    return this.me();
  }

  /**
   * A business's public face (name, language, branding) by slug, for pages shown before sign-in. Read in the
   * named system context `public-profile`: no one is signed in, and the tenants policy otherwise shows a
   * business only to its members.
   */
  async publicProfile(slug: string): Promise<PublicBusiness> {
    const business = await this.database.db.transaction(async (tx) => {
      await applySessionContext(tx, { system: 'public-profile' });
      return this.tenants.findPublicProfile(tx as unknown as Database, slug);
    });
    if (!business) throw new NotFoundException(problem(404, { detail: 'No business has this address.' }));
    return business;
  }

  async current(): Promise<TenantView> {
    return toView(await this.load());
  }

  async update(patch: UpdateTenant): Promise<TenantView> {
    const before = await this.load();
    const after = await this.tenants.update(before.id, patch);
    if (!after) throw new NotFoundException(problem(404, { detail: 'This business no longer exists.' }));
    this.activity.record({
      entityType: 'tenant',
      entityId: after.id,
      action: 'update',
      summary: changes(before, after, Object.keys(patch) as (keyof UpdateTenant)[]),
    });
    return toView(after);
  }

  async security(): Promise<TenantSecurity> {
    return { mfaRequiredForStaff: (await this.load()).mfaRequiredForStaff };
  }

  async updateSecurity(patch: TenantSecurity): Promise<TenantSecurity> {
    const before = await this.load();
    const after = await this.tenants.updateSecurity(before.id, patch);
    if (!after) throw new NotFoundException(problem(404, { detail: 'This business no longer exists.' }));
    if (before.mfaRequiredForStaff !== after.mfaRequiredForStaff) {
      this.activity.record({
        entityType: 'tenant',
        entityId: after.id,
        action: 'update_security',
        summary: { mfaRequiredForStaff: [before.mfaRequiredForStaff, after.mfaRequiredForStaff] },
      });
    }
    return { mfaRequiredForStaff: after.mfaRequiredForStaff };
  }

  private async load(): Promise<Tenant> {
    const tenantId = requestContext().tenant?.tenantId;
    const tenant = tenantId ? await this.tenants.findById(tenantId) : undefined;
    if (!tenant) throw new NotFoundException(problem(404, { detail: 'This business no longer exists.' }));
    return tenant;
  }
}

function toView(tenant: Tenant): TenantView {
  return { ...tenant, createdAt: tenant.createdAt.toISOString(), updatedAt: tenant.updatedAt.toISOString() };
}

/** `{ field: [before, after] }` for the fields the patch named and that really changed. */
function changes(before: Tenant, after: Tenant, fields: (keyof UpdateTenant)[]): Record<string, [unknown, unknown]> {
  const summary: Record<string, [unknown, unknown]> = {};
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) summary[field] = [before[field], after[field]];
  }
  return summary;
}
