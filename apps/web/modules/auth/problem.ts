import type { Problem } from '@ontrack/schemas/problem';

/** What a page shows of a refused request: the API's RFC 9457 problem, or a stand-in when there was none. */
export interface ProblemView {
  status: number;
  title: string;
  detail: string;
  code: string | undefined;
  /** Field-level refusals of a validation problem, by field name (`email`, `code`, …). */
  fieldErrors: Record<string, string>;
  /**
   * Set when the API gave no problem to show (no answer, or a body that is not one): the page shows its own
   * message for this case, in the page's language (`problem.<fallback>` in messages/<locale>/*.json).
   */
  fallback?: 'network' | 'server' | 'refused';
}

export const NETWORK_PROBLEM: ProblemView = {
  status: 0,
  title: 'Network error',
  detail: 'OnTrack could not be reached. Check your connection and try again.',
  code: undefined,
  fieldErrors: {},
  fallback: 'network',
};

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number';
}

/** Reads a problem body (already parsed by the SDK) into what the pages show. */
export function toProblemView(body: unknown, response: Response | undefined): ProblemView {
  const status = response?.status ?? 0;
  if (!isProblem(body)) {
    const serverSide = status >= 500 || status === 0;
    return {
      ...NETWORK_PROBLEM,
      status,
      title: response?.statusText || 'Error',
      detail: serverSide
        ? 'Something went wrong on our side. Try again in a moment.'
        : 'The request was refused. Try again.',
      fallback: serverSide ? 'server' : 'refused',
    };
  }
  const fieldErrors: Record<string, string> = {};
  for (const error of body.errors ?? []) {
    if (error.field && !(error.field in fieldErrors)) fieldErrors[error.field] = error.detail;
  }
  return {
    status: body.status,
    title: body.title,
    detail: body.detail ?? body.title,
    code: body.code,
    fieldErrors,
  };
}
