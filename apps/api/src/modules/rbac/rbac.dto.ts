import {
  createRoleSchema,
  memberIdParamsSchema,
  memberSchema,
  permissionEntrySchema,
  roleIdParamsSchema,
  roleSchema,
  updateMemberSchema,
  updateRoleSchema,
} from '@ontrack/schemas/rbac';
import { createZodDto } from 'nestjs-zod';

export class PermissionEntryDto extends createZodDto(permissionEntrySchema) {}
export class RoleDto extends createZodDto(roleSchema) {}
export class CreateRoleDto extends createZodDto(createRoleSchema) {}
export class UpdateRoleDto extends createZodDto(updateRoleSchema) {}
export class RoleIdParamsDto extends createZodDto(roleIdParamsSchema) {}
export class MemberDto extends createZodDto(memberSchema) {}
export class UpdateMemberDto extends createZodDto(updateMemberSchema) {}
export class MemberIdParamsDto extends createZodDto(memberIdParamsSchema) {}
