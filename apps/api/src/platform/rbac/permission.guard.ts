import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Permission } from '@ontrack/schemas/permissions';
import { problem } from '../http/problem-details.js';
import { requestContext } from '../request-context/request-context.js';
import { REQUIRED_PERMISSIONS } from './require-permission.decorator.js';

/** Enforces @RequirePermission(...) against the permissions the tenant guard loaded for the caller. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(execution: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Permission[]>(REQUIRED_PERMISSIONS, [
      execution.getHandler(),
      execution.getClass(),
    ]);
    if (!required?.length) return true;
    const granted = requestContext().tenant?.permissions;
    const missing = required.filter((permission) => !granted?.has(permission));
    if (missing.length > 0) {
      throw new ForbiddenException(
        problem(403, { detail: `Your role does not allow this (missing permission: ${missing.join(', ')}).` }),
      );
    }
    return true;
  }
}
