import {
  createPropertySchema,
  propertyIdParamsSchema,
  propertyListQuerySchema,
  propertyManagerListSchema,
  propertyPageSchema,
  propertySchema,
  setPropertyManagersSchema,
  updatePropertySchema,
} from '@ontrack/schemas/properties';
import { createZodDto } from 'nestjs-zod';

export class PropertyDto extends createZodDto(propertySchema) {}
export class PropertyPageDto extends createZodDto(propertyPageSchema) {}
export class PropertyListQueryDto extends createZodDto(propertyListQuerySchema) {}
export class CreatePropertyDto extends createZodDto(createPropertySchema) {}
export class UpdatePropertyDto extends createZodDto(updatePropertySchema) {}
export class PropertyIdParamsDto extends createZodDto(propertyIdParamsSchema) {}
export class SetPropertyManagersDto extends createZodDto(setPropertyManagersSchema) {}
export class PropertyManagerListDto extends createZodDto(propertyManagerListSchema) {}
