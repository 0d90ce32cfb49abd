import { SetMetadata } from '@nestjs/common';

export const TENANT_MODE = 'ontrack:tenant-mode';

/**
 * How a route relates to tenants:
 *  - `member` (the default): a tenant is resolved and the caller must hold an active membership there,
 *    or be a platform operator with a live support grant of that tenant;
 *  - `none`: the route is about the signed-in user only (their profile, their memberships);
 *  - `operator`: a tenant is named but the caller is a platform operator without access yet (asking for it).
 */
export type TenantMode = 'member' | 'none' | 'operator';

export const NoTenant = () => SetMetadata(TENANT_MODE, 'none' satisfies TenantMode);
export const OperatorRoute = () => SetMetadata(TENANT_MODE, 'operator' satisfies TenantMode);
