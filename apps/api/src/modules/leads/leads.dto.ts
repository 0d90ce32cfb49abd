import {
  convertLeadSchema,
  createLeadSchema,
  createLeadStageSchema,
  leadBoardQuerySchema,
  leadBoardSchema,
  leadConvertedSchema,
  leadIdParamsSchema,
  leadListQuerySchema,
  leadPageSchema,
  leadSchema,
  leadStageChangeSchema,
  leadStageIdParamsSchema,
  leadStageListQuerySchema,
  leadStageSchema,
  moveLeadSchema,
  publicLeadRequestSchema,
  publicRequestReceivedSchema,
  updateLeadSchema,
  updateLeadStageSchema,
} from '@ontrack/schemas/leads';
import { createZodDto } from 'nestjs-zod';

export class LeadDto extends createZodDto(leadSchema) {}
export class LeadPageDto extends createZodDto(leadPageSchema) {}
export class LeadBoardDto extends createZodDto(leadBoardSchema) {}
export class LeadListQueryDto extends createZodDto(leadListQuerySchema) {}
export class LeadBoardQueryDto extends createZodDto(leadBoardQuerySchema) {}
export class LeadIdParamsDto extends createZodDto(leadIdParamsSchema) {}
export class CreateLeadDto extends createZodDto(createLeadSchema) {}
export class UpdateLeadDto extends createZodDto(updateLeadSchema) {}
export class MoveLeadDto extends createZodDto(moveLeadSchema) {}
export class ConvertLeadDto extends createZodDto(convertLeadSchema) {}
export class LeadConvertedDto extends createZodDto(leadConvertedSchema) {}
export class LeadStageChangeDto extends createZodDto(leadStageChangeSchema) {}
export class LeadStageDto extends createZodDto(leadStageSchema) {}
export class LeadStageIdParamsDto extends createZodDto(leadStageIdParamsSchema) {}
export class LeadStageListQueryDto extends createZodDto(leadStageListQuerySchema) {}
export class CreateLeadStageDto extends createZodDto(createLeadStageSchema) {}
export class UpdateLeadStageDto extends createZodDto(updateLeadStageSchema) {}
export class PublicLeadRequestDto extends createZodDto(publicLeadRequestSchema) {}
export class PublicRequestReceivedDto extends createZodDto(publicRequestReceivedSchema) {}
