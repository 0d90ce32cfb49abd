import { tenantSecuritySchema, updateTenantSecuritySchema } from '@ontrack/schemas/auth-mfa';
import {
  businessSlugParamsSchema,
  meSchema,
  myAccessSchema,
  publicBusinessSchema,
  tenantSchema,
  updateMeSchema,
  updateTenantSchema,
} from '@ontrack/schemas/tenants';
import { createZodDto } from 'nestjs-zod';

export class TenantDto extends createZodDto(tenantSchema) {}
export class UpdateTenantDto extends createZodDto(updateTenantSchema) {}
export class MeDto extends createZodDto(meSchema) {}
export class TenantSecurityDto extends createZodDto(tenantSecuritySchema) {}
export class UpdateTenantSecurityDto extends createZodDto(updateTenantSecuritySchema) {}
export class MyAccessDto extends createZodDto(myAccessSchema) {}
export class UpdateMeDto extends createZodDto(updateMeSchema) {}
export class PublicBusinessDto extends createZodDto(publicBusinessSchema) {}
export class BusinessSlugParamsDto extends createZodDto(businessSlugParamsSchema) {}
