import {
  activityFeedQuerySchema,
  activityPageSchema,
  auditVerifyResultSchema,
  entityTimelineParamsSchema,
  entityTimelineQuerySchema,
} from '@ontrack/schemas/activity';
import { createZodDto } from 'nestjs-zod';

export class ActivityPageDto extends createZodDto(activityPageSchema) {}
export class ActivityFeedQueryDto extends createZodDto(activityFeedQuerySchema) {}
export class EntityTimelineParamsDto extends createZodDto(entityTimelineParamsSchema) {}
export class EntityTimelineQueryDto extends createZodDto(entityTimelineQuerySchema) {}
export class AuditVerifyResultDto extends createZodDto(auditVerifyResultSchema) {}
