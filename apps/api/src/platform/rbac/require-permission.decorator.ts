import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@ontrack/schemas/permissions';

export const REQUIRED_PERMISSIONS = 'ontrack:required-permissions';

/** The caller needs every listed permission in the request's tenant (403 otherwise). */
export const RequirePermission = (...permissions: [Permission, ...Permission[]]) =>
  SetMetadata(REQUIRED_PERMISSIONS, permissions);
