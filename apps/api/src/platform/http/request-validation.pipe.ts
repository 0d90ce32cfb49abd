import { type ArgumentMetadata, Injectable, type PipeTransform, UnprocessableEntityException } from '@nestjs/common';
import { problemTypes } from '@ontrack/schemas/problem';
import { validate } from 'nestjs-zod';
import { type IssueLike, problem, type RequestPart, toInvalidParams } from './problem-details.js';

const PART_BY_ARGUMENT: Partial<Record<ArgumentMetadata['type'], RequestPart>> = {
  body: 'body',
  query: 'query',
  param: 'path',
};

/**
 * Validates @Body/@Query/@Param arguments whose type is a zod DTO, like nestjs-zod's ZodValidationPipe,
 * but answers 422 with a problem that says which part of the request each bad field is in.
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const part = PART_BY_ARGUMENT[metadata.type];
    const dto = metadata.metatype as { isZodDto?: boolean; schema?: unknown } | undefined;
    if (!part || !dto?.isZodDto) return value;
    return validate(value, dto as Parameters<typeof validate>[1], (error) => {
      const issues = (error as { issues?: IssueLike[] }).issues ?? [];
      return new UnprocessableEntityException(
        problem(422, {
          type: problemTypes.validation,
          title: 'Your request has invalid fields',
          detail: `${issues.length} field${issues.length === 1 ? '' : 's'} of the ${part} did not pass validation.`,
          errors: toInvalidParams(part, issues),
        }),
      );
    });
  }
}
