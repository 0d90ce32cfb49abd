import { tenantSecuritySchema, updateTenantSecuritySchema } from '@ontrack/schemas/auth-mfa';
import { meSchema, myAccessSchema, tenantSchema, updateTenantSchema } from '@ontrack/schemas/tenants';
import { createZodDto } from 'nestjs-zod';

export class TenantDto extends createZodDto(tenantSchema) {}
export class UpdateTenantDto extends createZodDto(updateTenantSchema) {}
export class MeDto extends createZodDto(meSchema) {}
export class TenantSecurityDto extends createZodDto(tenantSecuritySchema) {}
export class UpdateTenantSecurityDto extends createZodDto(updateTenantSecuritySchema) {}
export class MyAccessDto extends createZodDto(myAccessSchema) {}
