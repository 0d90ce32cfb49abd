// Percentiles and the figures every run of bench/crm-load.ts reports.
import { loadavg } from 'node:os';

export interface Latency {
  count: number;
  /** null when nothing answered (every request timed out). */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** Nearest-rank percentiles (ms, 2 decimals) of `samples`; sorts them in place. */
export function latencyOf(samples: number[]): Latency {
  if (samples.length === 0) return { count: 0, p50: null, p95: null, p99: null, max: null };
  samples.sort((a, b) => a - b);
  const at = (p: number) => round(samples[Math.max(0, Math.ceil(samples.length * p) - 1)] ?? 0);
  return { count: samples.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(samples.at(-1) ?? 0) };
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** The 1-minute load average at the start and end of a run: the machine is shared, so it goes beside the figures. */
export interface LoadNote {
  loadBefore: number;
  loadAfter: number;
}

export const load1 = (): number => round(loadavg()[0] ?? Number.NaN);

/** A markdown table; a missing value shows as —. */
export function markdownTable(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (value: unknown) => (value === undefined || value === null ? '—' : String(value));
  const lines = [header, header.map(() => '---'), ...rows.map((row) => row.map(cell))];
  return lines.map((line) => `| ${line.join(' | ')} |`).join('\n');
}
