import {
  supportAccessGrantSchema,
  supportAccessIdParamsSchema,
  supportAccessListQuerySchema,
  supportAccessPageSchema,
  supportAccessRequestSchema,
} from '@ontrack/schemas/support-access';
import { createZodDto } from 'nestjs-zod';

export class SupportAccessRequestDto extends createZodDto(supportAccessRequestSchema) {}
export class SupportAccessGrantDto extends createZodDto(supportAccessGrantSchema) {}
export class SupportAccessPageDto extends createZodDto(supportAccessPageSchema) {}
export class SupportAccessListQueryDto extends createZodDto(supportAccessListQuerySchema) {}
export class SupportAccessIdParamsDto extends createZodDto(supportAccessIdParamsSchema) {}
