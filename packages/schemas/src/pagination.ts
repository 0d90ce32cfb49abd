import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------------
// Cursors. A cursor is opaque to clients: pass back `nextCursor` as `cursor` to get the next page. Inside,
// it is base64url of a version tag and the position after which the next page starts (a seq, an id).
// ---------------------------------------------------------------------------------------------------------

const CURSOR_VERSION = 'c1:';

export function encodeCursor(position: string): string {
  // btoa takes Latin-1 only: a keyset position holding a name such as "Kevin O’Brien" goes through UTF-8 first
  // (for ASCII positions the cursor is the same as before).
  const bytes = new TextEncoder().encode(`${CURSOR_VERSION}${position}`);
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** The position inside a cursor this API returned; undefined for anything else. */
export function decodeCursor(cursor: string): string | undefined {
  // A keyset cursor carries its row's sort value (a name of up to 200 characters, UTF-8) and id.
  if (!/^[A-Za-z0-9_-]{1,1200}$/.test(cursor)) return undefined;
  try {
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (char) => char.charCodeAt(0)),
    );
    return text.startsWith(CURSOR_VERSION) ? text.slice(CURSOR_VERSION.length) : undefined;
  } catch {
    return undefined;
  }
}

export const pageLimitSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(100)
  .default(50)
  .describe('Items per page, 1-100 (default 50).');

/**
 * Unknown query parameters are refused rather than ignored: a misspelt filter must not silently widen
 * the result (zod reports them together, under the query itself, so the message names them).
 */
export const unknownParameters = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `unknown parameter: ${(issue.keys ?? []).join(', ')}` : undefined,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The grant id inside a support-access cursor, or undefined when the cursor is not one. */
export function decodeIdCursor(cursor: string): string | undefined {
  const position = decodeCursor(cursor);
  return position && UUID.test(position) ? position : undefined;
}

/** A cursor query parameter holding an id (lists ordered by UUIDv7 id, newest first). */
export const idCursorSchema = z
  .string()
  .refine((cursor) => decodeIdCursor(cursor) !== undefined, 'is not a cursor returned by this API')
  .describe('The `nextCursor` of the previous page.');

/** The `nextCursor` of every page. */
export const nextCursorSchema = z
  .string()
  .nullable()
  .describe('Pass as `cursor` for the next page; null on the last page.');
