import { problemOf } from './api-client';

// Reading a refused write, the same way on every form: which fields the API named, and whether the record
// changed under the person (412: nothing of theirs was overwritten; reloading shows the other change).

/** The field errors of a refused request (`email`, `roleIds.0`, ...), by the form field they belong to. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error ? problemOf(error).fieldErrors : {};
}

/** The first field error whose name is `field` or starts with `field.` (array items: `roleIds.1`). */
export function fieldError(errors: Record<string, string>, field: string): string | undefined {
  return Object.entries(errors).find(([name]) => name === field || name.startsWith(`${field}.`))?.[1];
}

/** 412: someone else changed the record since this page read it. */
export function isStale(error: unknown): boolean {
  return Boolean(error) && problemOf(error).status === 412;
}

/** A fresh Idempotency-Key: one per intended write, so a retried or doubled submit creates one record. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
