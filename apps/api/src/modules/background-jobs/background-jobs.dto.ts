import {
  backgroundJobIdParamsSchema,
  backgroundJobListQuerySchema,
  backgroundJobPageSchema,
  backgroundJobSchema,
} from '@ontrack/schemas/background-jobs';
import { createZodDto } from 'nestjs-zod';

export class BackgroundJobDto extends createZodDto(backgroundJobSchema) {}
export class BackgroundJobPageDto extends createZodDto(backgroundJobPageSchema) {}
export class BackgroundJobListQueryDto extends createZodDto(backgroundJobListQuerySchema) {}
export class BackgroundJobIdParamsDto extends createZodDto(backgroundJobIdParamsSchema) {}
