import { healthSchema, readinessSchema } from '@ontrack/schemas/health';
import { createZodDto } from 'nestjs-zod';

// DTO classes exist only because Nest's decorators need a class; the zod schema in @ontrack/schemas is the truth.
export class HealthDto extends createZodDto(healthSchema) {}
export class ReadinessDto extends createZodDto(readinessSchema) {}
