import { describe, expect, it } from 'vitest';
import { isUniqueViolation, postgresError, SQLSTATE } from './postgres-errors.js';

describe('postgresError', () => {
  it('finds the SQLSTATE on the error or on a cause Drizzle wrapped it in, and nothing else', () => {
    const canceled = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    expect(postgresError(canceled, SQLSTATE.queryCanceled)).toBe(canceled);
    expect(postgresError(new Error('Failed query', { cause: canceled }), SQLSTATE.queryCanceled)).toBe(canceled);
    expect(postgresError(canceled, SQLSTATE.uniqueViolation)).toBeUndefined();
    expect(postgresError(undefined, SQLSTATE.queryCanceled)).toBeUndefined();
  });
});

describe('isUniqueViolation', () => {
  const violation = { code: '23505', constraint_name: 'roles_tenant_key_key' };
  it('recognises the constraint, also when wrapped by Drizzle', () => {
    expect(isUniqueViolation(violation, 'roles_tenant_key_key')).toBe(true);
    expect(
      isUniqueViolation(Object.assign(new Error('query failed'), { cause: violation }), 'roles_tenant_key_key'),
    ).toBe(true);
    expect(isUniqueViolation(violation, 'other_key')).toBe(false);
    expect(isUniqueViolation(violation)).toBe(true);
    expect(isUniqueViolation({ code: '23503' }, 'roles_tenant_key_key')).toBe(false);
    expect(isUniqueViolation(undefined, 'roles_tenant_key_key')).toBe(false);
  });
});
