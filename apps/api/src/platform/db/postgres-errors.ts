/** The SQLSTATEs the API answers differently from a 500 (https://www.postgresql.org/docs/15/errcodes-appendix.html). */
export const SQLSTATE = {
  uniqueViolation: '23505',
  /** Also a row that row-level security refuses to return or write. */
  insufficientPrivilege: '42501',
  /** statement_timeout (DATABASE_STATEMENT_TIMEOUT_MS) or pg_cancel_backend. */
  queryCanceled: '57014',
} as const;

interface PostgresErrorFields {
  code: string;
  constraint_name?: string;
}

/**
 * The postgres.js error with this SQLSTATE in `error` or its causes (Drizzle wraps driver errors in its own,
 * keeping the original as `cause`), or undefined.
 */
export function postgresError(error: unknown, code: string): PostgresErrorFields | undefined {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === code) return cause as PostgresErrorFields;
  }
  return undefined;
}

/** A unique-constraint violation; with `constraint`, of that constraint (or of one postgres.js did not name). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const violation = postgresError(error, SQLSTATE.uniqueViolation);
  if (!violation) return false;
  return (
    constraint === undefined || violation.constraint_name === undefined || violation.constraint_name === constraint
  );
}
