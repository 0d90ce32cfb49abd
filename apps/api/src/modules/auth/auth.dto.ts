import {
  invitationAcceptedSchema,
  invitationAcceptSchema,
  invitationCreateSchema,
  invitationIdParamsSchema,
  invitationListSchema,
  invitationViewSchema,
  magicLinkAcceptedSchema,
  magicLinkRequestSchema,
  magicLinkVerifySchema,
  refreshRequestSchema,
  sessionIdParamsSchema,
  sessionListSchema,
  sessionTokensSchema,
  signedInSchema,
  signedOutOthersSchema,
  switchTenantSchema,
  tenantSwitchedSchema,
} from '@ontrack/schemas/auth';
import { createZodDto } from 'nestjs-zod';

export class MagicLinkRequestDto extends createZodDto(magicLinkRequestSchema) {}
export class MagicLinkAcceptedDto extends createZodDto(magicLinkAcceptedSchema) {}
export class MagicLinkVerifyDto extends createZodDto(magicLinkVerifySchema) {}
export class SignedInDto extends createZodDto(signedInSchema) {}
export class SessionTokensDto extends createZodDto(sessionTokensSchema) {}
export class RefreshRequestDto extends createZodDto(refreshRequestSchema) {}
export class SessionListDto extends createZodDto(sessionListSchema) {}
export class SessionIdParamsDto extends createZodDto(sessionIdParamsSchema) {}
export class SignedOutOthersDto extends createZodDto(signedOutOthersSchema) {}
export class SwitchTenantDto extends createZodDto(switchTenantSchema) {}
export class TenantSwitchedDto extends createZodDto(tenantSwitchedSchema) {}
export class InvitationCreateDto extends createZodDto(invitationCreateSchema) {}
export class InvitationViewDto extends createZodDto(invitationViewSchema) {}
export class InvitationListDto extends createZodDto(invitationListSchema) {}
export class InvitationIdParamsDto extends createZodDto(invitationIdParamsSchema) {}
export class InvitationAcceptDto extends createZodDto(invitationAcceptSchema) {}
export class InvitationAcceptedDto extends createZodDto(invitationAcceptedSchema) {}
