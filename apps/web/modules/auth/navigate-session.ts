/**
 * Goes to `path` with a full page load, for steps where who is signed in changes (signed in, second factor
 * done, signed out, session gone). The root layout renders per identity — the page's language (`<html lang>`
 * and the messages, from the account or its business: docs/web.md) — and a client-side navigation keeps the
 * layout of the previous identity. `replace`: the step left behind (a spent link) stays out of the history.
 */
export function replaceWithFullLoad(path: string): void {
  window.location.replace(path);
}
