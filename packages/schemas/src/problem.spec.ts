import { describe, expect, it } from 'vitest';
import { problemSchema } from './problem.js';

describe('problemSchema', () => {
  it('accepts a validation problem listing each bad field', () => {
    const parsed = problemSchema.parse({
      type: 'https://ontrack.dev/problems/validation',
      title: 'Your request has invalid fields',
      status: 422,
      errors: [
        { in: 'body', pointer: '#/email', field: 'email', detail: 'Invalid email address', code: 'invalid_format' },
      ],
    });
    expect(parsed.errors?.[0]?.pointer).toBe('#/email');
  });

  it('refuses a status outside the error range', () => {
    expect(problemSchema.safeParse({ type: 'about:blank', title: 'OK', status: 200 }).success).toBe(false);
  });
});
