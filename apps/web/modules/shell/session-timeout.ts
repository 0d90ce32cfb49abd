/** How long before the session ends the warning appears. */
export const WARNING_LEAD_MS = 5 * 60_000;

export interface SessionLimits {
  /** When the session ends unless refreshed (each refresh moves it forward, never past `expiresAt`). */
  idleExpiresAt: string;
  /** When it ends whatever happens. */
  expiresAt: string;
}

export type TimeoutPhase =
  | { phase: 'active'; warnAt: number }
  | { phase: 'warning'; endsAt: number; msLeft: number; renewable: boolean }
  | { phase: 'ended' };

/**
 * Where a session stands on this browser's clock. `clockOffsetMs` is the server's clock minus this browser's
 * (from the response's Date header): the expiries are the server's instants, and a browser whose clock runs
 * ahead would otherwise warn, and sign out, early. `renewable`: the idle limit comes first, so a refresh
 * ("stay signed in") moves the end; at the absolute limit only signing in again helps.
 */
export function timeoutPhase(limits: SessionLimits, now: number, clockOffsetMs: number): TimeoutPhase {
  const idle = Date.parse(limits.idleExpiresAt) - clockOffsetMs;
  const absolute = Date.parse(limits.expiresAt) - clockOffsetMs;
  const endsAt = Math.min(idle, absolute);
  if (now >= endsAt) return { phase: 'ended' };
  if (now < endsAt - WARNING_LEAD_MS) return { phase: 'active', warnAt: endsAt - WARNING_LEAD_MS };
  return { phase: 'warning', endsAt, msLeft: endsAt - now, renewable: idle < absolute };
}

/** The server's clock minus ours, from a response's Date header (whole seconds; 0 when absent). */
export function clockOffset(dateHeader: string | null, receivedAt: number): number {
  const server = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  return Number.isNaN(server) ? 0 : server - receivedAt;
}

/** "4:05" for a countdown. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
