// The report of bench/crm-load.ts: a markdown summary on stdout (tables, ratios against the issue's targets) and
// the full figures as JSON in bench/results/ (kept out of git: results go into notes, not commits).
import { mkdirSync, writeFileSync } from 'node:fs';
import type { CrmDatabase } from './crm-data.js';
import { BYPASS, FLOOR, LIST, PIPELINE } from './crm-phases.js';
import type { LoadResult } from './http-load.js';
import type { RoundTripResult } from './round-trips.js';
import { markdownTable, round } from './stats.js';
import type { MixResult } from './think-time-mix.js';

export interface CrmLoadReport {
  startedAt: string;
  finishedAt?: string;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    loadAverageAtStart: number[];
    uptimeAtStart: string;
    uptimeAtEnd?: string;
  };
  settings: Record<string, unknown> & { redis: string };
  data?: { database: string; origin: CrmDatabase['origin'] };
  runs: (LoadResult & { name: string; target: 'ontrack' | 'floor'; rls: boolean; round: number })[];
  roundTrips?: RoundTripResult[];
  /** One think-time mix per round (--rounds). */
  mixes?: (MixResult & { round: number })[];
  /** value: from the medians over rounds; perRound: the same ratio within each round (how much it drifts). */
  /** `met` is absent for a figure reported beside the targets, not judged. */
  ratios?: Record<string, { value: number; target: string; met?: boolean; perRound?: number[] }>;
}

const RESULTS = new URL('../results/', import.meta.url).pathname;

export function writeReport(report: CrmLoadReport): string {
  mkdirSync(RESULTS, { recursive: true });
  // The directory ignores itself: results are for the closing note, never committed.
  writeFileSync(`${RESULTS}.gitignore`, '*\n');
  const file = `${RESULTS}crm-load-${report.startedAt.replace(/:/g, '').replace(/\..*/, '')}.json`;
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

export function printReport(report: CrmLoadReport): void {
  report.ratios = ratios(report);
  const out: string[] = [];
  out.push(`## bench/crm-load.ts — ${report.startedAt.slice(0, 16).replace('T', ' ')} UTC`);
  out.push('');
  out.push(
    `${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}; ` +
      `${report.settings.tenants} tenants × ${report.settings.contactsPerTenant} contacts; ` +
      `${report.settings.durationSeconds} s per run after ${report.settings.warmupSeconds} s warm-up; ` +
      `API pool ${report.settings.apiPoolMax}; Redis ${report.settings.redis}.`,
  );
  out.push(`uptime at start: ${report.machine.uptimeAtStart}`);
  if (report.machine.uptimeAtEnd) out.push(`uptime at end:   ${report.machine.uptimeAtEnd}`);
  out.push('');
  if (report.runs.length > 0) {
    out.push(
      markdownTable(
        ['run', 'round', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'errors', 'load 1m before → after'],
        report.runs.map((r) => [
          r.name,
          r.round,
          r.connections,
          r.requestsPerSecond,
          r.p50,
          r.p95,
          r.p99,
          r.non2xx === 0 ? 0 : `${r.non2xx} ${JSON.stringify(r.statuses)}`,
          r.errors,
          `${r.loadBefore} → ${r.loadAfter}`,
        ]),
      ),
    );
    out.push('');
  }
  if (report.roundTrips) {
    out.push(
      markdownTable(
        ['round trips per request', 'before the response', 'after it', 'flights (first sample)'],
        report.roundTrips.map((r) => [
          r.name,
          spread(r.samples.map((s) => s.before)),
          spread(r.samples.map((s) => s.after)),
          (r.samples[0]?.flights ?? []).join('<br>').replaceAll('|', '\\|'),
        ]),
      ),
    );
    if (report.roundTrips.some((r) => r.samples.some((s) => s.newConnections > 0))) {
      out.push('(a sample opened a new database connection: its handshake is in its flights)');
    }
    out.push('');
  }
  for (const mix of report.mixes ?? []) {
    out.push(
      `Think-time mix${report.mixes && report.mixes.length > 1 ? `, round ${mix.round}` : ''} (searches: ${mix.searches}): ` +
        `${mix.users} users, ${mix.seconds} s, ${mix.requests} requests (${mix.requestsPerSecond}/s), ` +
        `${mix.errors} errors, ${mix.preconditionFailed} × 412 (stale If-Match, legitimate); load 1m ${mix.loadBefore} → ${mix.loadAfter}`,
    );
    out.push('');
    out.push(
      markdownTable(
        ['kind', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'],
        [
          ...Object.entries(mix.kinds).map(([kind, l]) => [kind, l.count, l.p50, l.p95, l.p99, l.max, l.errors]),
          [
            '**overall**',
            mix.overall.count,
            mix.overall.p50,
            mix.overall.p95,
            mix.overall.p99,
            mix.overall.max,
            mix.errors,
          ],
        ],
      ),
    );
    for (const sample of mix.errorSamples) out.push(`- ${sample}`);
    out.push('');
  }
  const entries = Object.entries(report.ratios);
  if (entries.length > 0) {
    out.push(
      markdownTable(
        ['target', 'measured', 'goal', 'met', 'per round'],
        entries.map(([name, r]) => [
          name,
          r.value,
          r.target,
          r.met === undefined ? '—' : r.met ? 'yes' : '**no**',
          r.perRound?.join(', '),
        ]),
      ),
    );
  }
  console.log(out.join('\n'));
}

function ratios(report: CrmLoadReport): NonNullable<CrmLoadReport['ratios']> {
  const result: NonNullable<CrmLoadReport['ratios']> = {};
  const rates = (name: string, connections: number) =>
    report.runs.filter((r) => r.name === name && r.connections === connections).sort((a, b) => a.round - b.round);
  const connections = [...new Set(report.runs.map((r) => r.connections))];
  const compare = (
    label: string,
    top: string,
    bottom: string,
    c: number,
    target: string,
    met?: (v: number) => boolean,
  ) => {
    const a = rates(top, c);
    const b = rates(bottom, c);
    if (a.length === 0 || b.length === 0) return;
    const value = round(median(a.map((r) => r.requestsPerSecond)) / median(b.map((r) => r.requestsPerSecond)), 3);
    const perRound = a.flatMap((r) => {
      const other = b.find((o) => o.round === r.round);
      return other ? [round(r.requestsPerSecond / other.requestsPerSecond, 3)] : [];
    });
    result[`${label}, ${c} connections`] = {
      value,
      target,
      ...(met && { met: met(value) }),
      ...(perRound.length > 1 && { perRound }),
    };
  };
  for (const c of connections) {
    compare('contacts list / floor', LIST, FLOOR, c, '≥ 0.67', (v) => v >= 0.67);
    compare('RLS bypassed / RLS', BYPASS, LIST, c, '≤ 1.10', (v) => v <= 1.1);
    // Not a target: what the list / floor ratio could reach if its query and rows cost nothing.
    compare('API pipeline without a query / floor', PIPELINE, FLOOR, c, '(the list’s ceiling)');
  }
  for (const r of report.roundTrips ?? []) {
    const value = Math.max(...r.samples.map((s) => s.before));
    result[`round trips before the response: ${r.name}`] = { value, target: '≤ 2', met: value <= 2 };
  }
  const mixes = report.mixes ?? [];
  if (mixes.length > 0) {
    const p95s = mixes.map((mix) => mix.overall.p95 ?? Number.POSITIVE_INFINITY);
    const p95 = round(median(p95s), 2);
    const errors = mixes.reduce((sum, mix) => sum + mix.errors, 0);
    result['think-time mix p95 ms'] = {
      value: p95,
      target: '< 50',
      met: p95 < 50,
      ...(p95s.length > 1 && { perRound: p95s }),
    };
    result['think-time mix errors'] = { value: errors, target: '0', met: errors === 0 };
  }
  return result;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** "2" when every sample agrees, else "2–3". */
function spread(values: number[]): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? String(min) : `${min}–${max}`;
}
