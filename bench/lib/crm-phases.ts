// The phases of bench/crm-load.ts. The runs that are compared with each other — the floor, the contacts list under
// RLS, the same list with RLS bypassed — run back to back at each connection count, each against its own server
// started fresh for the phase, and with `--rounds` n > 1 that sequence repeats n times (in a rotated order): on a
// shared machine whose load drifts, the median of interleaved runs compares where one run each would not.
import { appRoleUrl, DEV_APP_PASSWORD } from '@ontrack/db/app-role';
import { type RunningApi, startApi } from './api-process.js';
import { BENCH_USER_ID, type CrmDatabase, openBenchSession, sampleWorkload, type Workload } from './crm-data.js';
import { FIRST_NAMES, LAST_NAMES } from './crm-names.js';
import type { CrmLoadReport } from './crm-report.js';
import { prepareFloorDatabase, startFloorServer } from './floor.js';
import { expectOk, type LoadTarget, runLoad } from './http-load.js';
import { RoundTripProxy } from './round-trip-proxy.js';
import { measureRoundTrips } from './round-trips.js';
import { type MixOptions, runMix } from './think-time-mix.js';

export const PHASES = ['floor', 'rls', 'bypass', 'round-trips', 'mix'] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseSettings {
  only: ReadonlySet<Phase>;
  server: string;
  reuse: boolean;
  connections: readonly number[];
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  samples: number;
  mixUsers: number;
  mixSeconds: number;
  mixSearches: MixOptions['searches'];
  apiPool?: number;
  redisUrl?: string;
  log: (line: string) => void;
  /** Registers what must happen even if the run is interrupted (stopping servers, dropping databases). */
  onCleanup: (cleanup: () => Promise<void>) => void;
}

type Path = (i: number) => [tenant: string, path: string];

interface Series {
  name: string;
  target: 'ontrack' | 'floor';
  rls: boolean;
  load: LoadTarget;
}

export async function runPhases(settings: PhaseSettings, report: CrmLoadReport, data?: CrmDatabase): Promise<void> {
  const { only, log } = settings;
  const workload = data ? await sampleWorkload(data.url, data.tenantIds) : undefined;
  const sessionId = data ? await openBenchSession(data.url) : '';
  const tenants = data?.tenantIds ?? [];
  const tenantOf = (i: number) => tenants[i % tenants.length] as string;
  const nameQueries = [
    ...LAST_NAMES.slice(0, 40).map((name) => name.slice(0, 5).toLowerCase()),
    ...FIRST_NAMES.slice(0, 20).map((name) => name.toLowerCase()),
  ];
  const list: Path = (i) => [tenantOf(i), '/api/v1/contacts?limit=20'];
  const byName: Path = (i) => [
    tenantOf(i),
    `/api/v1/contacts?limit=20&q=${encodeURIComponent(nameQueries[Math.floor(i / tenants.length) % nameQueries.length] ?? '')}`,
  ];
  const byPhone: Path = (i) => {
    const pairs = workload?.phoneQueries ?? [];
    const [tenant, q] = pairs[i % pairs.length] as [string, string];
    return [tenant, `/api/v1/contacts?limit=20&q=${encodeURIComponent(q)}`];
  };

  /** A fresh API, stopped at cleanup; its token lasts 15 minutes from now. */
  const freshApi = async (databaseUrl: string) => {
    const api = await startApi({ databaseUrl, redisUrl: settings.redisUrl, poolMax: settings.apiPool });
    settings.onCleanup(() => api.stop());
    return { api, token: await api.sign(BENCH_USER_ID, sessionId) };
  };
  const onApi = ({ api, token }: { api: RunningApi; token: string }, path: Path): LoadTarget => ({
    baseUrl: api.baseUrl,
    request: (i) => {
      const [tenant, p] = path(i);
      return { path: p, headers: { authorization: `Bearer ${token}`, 'x-tenant-id': tenant } };
    },
  });
  const checked = async (name: string, load: LoadTarget) => {
    const page = (await expectOk(load.baseUrl, load.request(0))) as { items?: unknown[] } | unknown[];
    const items = Array.isArray(page) ? page : page.items;
    if (!Array.isArray(items) || items.length === 0) throw new Error(`${name}: the first page is empty`);
    return load;
  };
  const stops: (() => Promise<void>)[] = [];
  const run = async (series: Series, connections: number, round: number) => {
    log(
      `${series.name}: ${connections} connections, ${settings.seconds} s${settings.rounds > 1 ? ` (round ${round})` : ''}`,
    );
    const result = await runLoad(series.load, {
      connections,
      seconds: settings.seconds,
      warmupSeconds: settings.warmupSeconds,
    });
    report.runs.push({ name: series.name, target: series.target, rls: series.rls, round, ...result });
  };

  // 1. The compared series, interleaved.
  const compared: Series[] = [];
  if (only.has('floor')) {
    const floor = await prepareFloorDatabase(settings.server, settings.reuse, log);
    settings.onCleanup(() => floor.drop());
    const server = await startFloorServer(floor.appUrl);
    settings.onCleanup(() => server.stop());
    stops.push(() => server.stop());
    const load = { baseUrl: server.baseUrl, request: () => ({ path: '/contacts', headers: {} }) };
    compared.push({ name: FLOOR, target: 'floor', rls: true, load: await checked('floor', load) });
  }
  let rlsApi: Awaited<ReturnType<typeof freshApi>> | undefined;
  if (data && only.has('rls')) {
    rlsApi = await freshApi(appRoleUrl(data.url, DEV_APP_PASSWORD));
    stops.push(rlsApi.api.stop);
    compared.push({ name: LIST, target: 'ontrack', rls: true, load: await checked(LIST, onApi(rlsApi, list)) });
    // The list's ceiling in this API: the same token, tenant guard, permission, rate limit, transaction
    // interceptor and zod serializer, answered from the access cache with no SQL (and a ~1 kB body).
    const pipeline = onApi(rlsApi, (i) => [tenantOf(i), '/api/v1/me/access']);
    await expectOk(pipeline.baseUrl, pipeline.request(0));
    compared.push({ name: PIPELINE, target: 'ontrack', rls: true, load: pipeline });
  }
  if (data && only.has('bypass')) {
    // The owner is a superuser: row-level security does not apply to it.
    const bypassApi = await freshApi(data.url);
    stops.push(bypassApi.api.stop);
    compared.push({ name: BYPASS, target: 'ontrack', rls: false, load: await checked(BYPASS, onApi(bypassApi, list)) });
  }
  for (let round = 1; round <= settings.rounds; round++) {
    const order = [
      ...compared.slice((round - 1) % compared.length),
      ...compared.slice(0, (round - 1) % compared.length),
    ];
    for (const connections of settings.connections) for (const series of order) await run(series, connections, round);
  }

  // 2. Searches (not compared with anything: once).
  if (rlsApi) {
    for (const [name, path] of [
      ['search: name fragment', byName],
      ['search: phone digits', byPhone],
    ] as const) {
      const series: Series = { name, target: 'ontrack', rls: true, load: await checked(name, onApi(rlsApi, path)) };
      for (const connections of settings.connections) await run(series, connections, 1);
    }
  }

  // 3. What Nest's chain alone answers on this machine — the API's health check: no token, no database, a
  //    constant body — to read the list / floor ratio against (once, not a target).
  if (rlsApi) {
    const load: LoadTarget = { baseUrl: rlsApi.api.baseUrl, request: () => ({ path: '/api/healthz', headers: {} }) };
    await expectOk(load.baseUrl, load.request(0));
    const series: Series = { name: FRAMEWORK, target: 'ontrack', rls: false, load };
    for (const connections of settings.connections) await run(series, connections, 1);
  }

  for (const stop of stops) await stop();

  if (data && workload && only.has('round-trips')) report.roundTrips = await roundTrips(data, workload);
  if (data && workload && only.has('mix')) {
    const phoneQueries = new Map<string, string[]>();
    for (const [tenant, q] of workload.phoneQueries) phoneQueries.set(tenant, [...(phoneQueries.get(tenant) ?? []), q]);
    // Repeated with --rounds, each against a fresh API: on a machine whose speed drifts, one run says little.
    for (let round = 1; round <= settings.rounds; round++) {
      log(
        `mix: ${settings.mixUsers} users, 1–5 s think time, ${settings.mixSeconds} s (searches: ${settings.mixSearches})` +
          (settings.rounds > 1 ? ` (round ${round})` : ''),
      );
      const { api, token } = await freshApi(appRoleUrl(data.url, DEV_APP_PASSWORD));
      const result = await runMix({
        baseUrl: api.baseUrl,
        token,
        tenantIds: tenants,
        contactIds: workload.contactIds,
        phoneQueries,
        nameQueries,
        searches: settings.mixSearches,
        users: settings.mixUsers,
        seconds: settings.mixSeconds,
      });
      report.mixes = [...(report.mixes ?? []), { round, ...result }];
      await api.stop();
    }
  }

  async function roundTrips(database: CrmDatabase, sample: Workload) {
    const server = new URL(database.url);
    const proxy = await RoundTripProxy.start({ host: server.hostname, port: Number(server.port || 5432) });
    settings.onCleanup(() => proxy.stop());
    const viaProxy = new URL(appRoleUrl(database.url, DEV_APP_PASSWORD));
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    log('round trips: the API through the counting proxy');
    const { api, token } = await freshApi(viaProxy.toString());
    const tenant = sample.phoneQueries[0]?.[0] ?? tenantOf(0);
    const phone = sample.phoneQueries[0]?.[1] ?? '555-0100';
    const results = await measureRoundTrips(
      proxy,
      api.baseUrl,
      { authorization: `Bearer ${token}`, 'x-tenant-id': tenant },
      [
        { name: LIST, path: '/api/v1/contacts?limit=20' },
        { name: 'search: name fragment', path: `/api/v1/contacts?limit=20&q=${nameQueries[0]}` },
        { name: 'search: phone digits', path: `/api/v1/contacts?limit=20&q=${encodeURIComponent(phone)}` },
      ],
      settings.samples,
    );
    await api.stop();
    await proxy.stop();
    return results;
  }
}

export const FLOOR = 'floor (Fastify + pg, 1 round trip)';
export const LIST = 'contacts list';
export const BYPASS = 'contacts list, RLS bypassed';
export const FRAMEWORK = 'API health check (no token, no database)';
export const PIPELINE = 'API pipeline, no query (GET /me/access)';
