import { UnprocessableEntityException } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RequestValidationPipe } from './request-validation.pipe.js';

class CreateThingDto extends createZodDto(
  z.object({
    email: z.email(),
    lines: z.array(z.object({ 'unit/price': z.number().positive() })),
  }),
) {}

const pipe = new RequestValidationPipe();

function problemOf(value: unknown, type: 'body' | 'query' | 'param' = 'body') {
  try {
    pipe.transform(value, { type, metatype: CreateThingDto });
  } catch (error) {
    expect(error).toBeInstanceOf(UnprocessableEntityException);
    return (error as UnprocessableEntityException).getResponse();
  }
  throw new Error('the pipe accepted an invalid value');
}

describe('RequestValidationPipe', () => {
  it('returns the parsed value when it is valid', () => {
    const value = { email: 'office@greenline.example', lines: [{ 'unit/price': 12.5 }] };
    expect(pipe.transform(value, { type: 'body', metatype: CreateThingDto })).toEqual(value);
  });

  it('lists every bad field with a JSON Pointer, in a 422 problem', () => {
    expect(problemOf({ email: 'not-an-email', lines: [{ 'unit/price': -1 }] })).toMatchObject({
      type: 'https://ontrack.dev/problems/validation',
      status: 422,
      errors: [
        { in: 'body', pointer: '#/email', field: 'email', code: 'invalid_format' },
        { in: 'body', pointer: '#/lines/0/unit~1price', field: 'lines.0.unit/price', code: 'too_small' },
      ],
    });
  });

  it('points at each unknown field of a strict schema', () => {
    const strict = class extends createZodDto(z.object({ name: z.string() }).strict()) {};
    try {
      pipe.transform({ name: 'ok', colour: 'red', size: 2 }, { type: 'query', metatype: strict });
      expect.unreachable('accepted unknown fields');
    } catch (error) {
      expect((error as UnprocessableEntityException).getResponse()).toMatchObject({
        errors: [
          { in: 'query', pointer: '#/colour', field: 'colour', code: 'unrecognized_keys' },
          { in: 'query', pointer: '#/size', field: 'size', code: 'unrecognized_keys' },
        ],
      });
    }
  });

  it('says which part of the request was wrong', () => {
    expect(problemOf({}, 'query')).toMatchObject({ errors: [{ in: 'query' }, { in: 'query' }] });
    expect(problemOf({}, 'param')).toMatchObject({ errors: [{ in: 'path' }, { in: 'path' }] });
  });

  it('leaves arguments without a zod DTO alone', () => {
    expect(pipe.transform('raw', { type: 'body', metatype: String })).toBe('raw');
    expect(pipe.transform({ any: 1 }, { type: 'custom', metatype: CreateThingDto })).toEqual({ any: 1 });
  });
});
