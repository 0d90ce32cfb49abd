import { z } from 'zod';

/**
 * One invalid field of a request, as listed in a validation problem. The shape follows the example of
 * RFC 9457 §3 (`detail` + `pointer`), plus `in` (which part of the request) and `field` for forms.
 */
export const invalidParamSchema = z.object({
  in: z.enum(['body', 'query', 'path', 'header']),
  pointer: z
    .string()
    .describe('JSON Pointer (RFC 6901) fragment to the field, e.g. "#/email" or "#/lines/0/quantity".'),
  field: z.string().describe('The field path in dotted form, e.g. "lines.0.quantity"; empty for the whole input.'),
  detail: z.string().describe('Why the value was refused, in plain words.'),
  code: z.string().describe('A stable machine-readable code (zod issue code).'),
});

/** RFC 9457 problem details; every error the API returns has this shape (`application/problem+json`). */
export const problemSchema = z.object({
  type: z.string().describe('A URI naming the kind of problem; "about:blank" when the HTTP status says it all.'),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  instance: z.string().optional().describe('The request path that failed.'),
  requestId: z.string().optional().describe('Quote this id when reporting the problem: it is in the server logs.'),
  errors: z.array(invalidParamSchema).optional().describe('For validation problems: every field that was refused.'),
  code: z
    .string()
    .optional()
    .describe('A stable machine-readable reason a client acts on, e.g. "reauthentication_required" (docs/errors.md).'),
});

export type InvalidParam = z.infer<typeof invalidParamSchema>;
export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem type URIs we define ourselves (documented in docs/errors.md); all others are "about:blank". */
export const problemTypes = {
  validation: 'https://ontrack.dev/problems/validation',
} as const;
