import { STATUS_CODES } from 'node:http';
import type { InvalidParam, Problem } from '@ontrack/schemas/problem';

export type RequestPart = InvalidParam['in'];

/** The parts of a zod issue we read; typed structurally so zod's internal types do not leak in. */
export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
  code: string;
  /** For `unrecognized_keys`: the names that are not allowed. */
  keys?: readonly string[];
}

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

export function problem(status: number, fields: Omit<Partial<Problem>, 'status'> = {}): Problem {
  return { type: 'about:blank', title: statusTitle(status), status, ...fields };
}

/** Turns zod issues into the RFC 9457 `errors` list: one entry per refused field, with a JSON Pointer to it. */
export function toInvalidParams(part: RequestPart, issues: readonly IssueLike[]): InvalidParam[] {
  // An unknown field is reported by zod once for the object holding it; point at each field instead.
  const perField = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys?.length
      ? issue.keys.map((key) => ({ ...issue, path: [...issue.path, key], message: `${key} is not a known field` }))
      : [issue],
  );
  return perField.map((issue) => {
    const segments = issue.path.map((segment) => String(segment));
    return {
      in: part,
      pointer: `#/${segments.map(escapePointerSegment).join('/')}`,
      field: segments.join('.'),
      detail: issue.message,
      code: issue.code,
    };
  });
}

// RFC 6901: "~" and "/" inside a key are escaped as "~0" and "~1".
function escapePointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
