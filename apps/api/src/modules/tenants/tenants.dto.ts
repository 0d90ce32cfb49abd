import { meSchema, tenantSchema, updateTenantSchema } from '@ontrack/schemas/tenants';
import { createZodDto } from 'nestjs-zod';

export class TenantDto extends createZodDto(tenantSchema) {}
export class UpdateTenantDto extends createZodDto(updateTenantSchema) {}
export class MeDto extends createZodDto(meSchema) {}
