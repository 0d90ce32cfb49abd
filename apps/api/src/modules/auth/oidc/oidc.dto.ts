import {
  oidcCallbackQuerySchema,
  oidcProviderListSchema,
  oidcProviderParamsSchema,
  oidcStartQuerySchema,
} from '@ontrack/schemas/auth-oidc';
import { createZodDto } from 'nestjs-zod';

export class OidcProviderListDto extends createZodDto(oidcProviderListSchema) {}
export class OidcProviderParamsDto extends createZodDto(oidcProviderParamsSchema) {}
export class OidcStartQueryDto extends createZodDto(oidcStartQuerySchema) {}
export class OidcCallbackQueryDto extends createZodDto(oidcCallbackQuerySchema) {}
