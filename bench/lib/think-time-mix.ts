// An open-model load: simulated office users, each thinking 1–5 s (uniform) between actions, then reading (70 %:
// the list, a search, one contact) or writing (30 %: a new contact with a fresh Idempotency-Key; a change to a
// contact with If-Match from the GET just before it). Users are spread evenly over the tenants. Unlike the
// closed-loop runs, latency here is what a person waits for at a realistic request rate.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { FIRST_NAMES, LAST_NAMES } from './crm-names.js';
import { type Latency, latencyOf, load1 } from './stats.js';

export const MIX_KINDS = ['list', 'search', 'get', 'create', 'update (GET)', 'update (PATCH)'] as const;
type Kind = (typeof MIX_KINDS)[number];

/** Cumulative shares of the actions: reads 70 % (list 30, search 20, get 20), writes 30 % (create 15, update 15). */
const ACTIONS: [number, 'list' | 'search' | 'get' | 'create' | 'update'][] = [
  [0.3, 'list'],
  [0.5, 'search'],
  [0.7, 'get'],
  [0.85, 'create'],
  [1, 'update'],
];

export interface MixOptions {
  baseUrl: string;
  token: string;
  tenantIds: readonly string[];
  contactIds: ReadonlyMap<string, readonly string[]>;
  /** Per tenant: phone-like queries that hit. */
  phoneQueries: ReadonlyMap<string, readonly string[]>;
  nameQueries: readonly string[];
  /** Which searches the search share runs (`none`: it lists instead), to tell a slow search from the rest. */
  searches: 'names-and-phones' | 'phones' | 'none';
  users: number;
  seconds: number;
}

export interface MixResult {
  users: number;
  searches: MixOptions['searches'];
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  overall: Latency;
  kinds: Record<string, Latency & { errors: number }>;
  /** 412 Precondition Failed: two users changed the same contact; legitimate, not an error. */
  preconditionFailed: number;
  errors: number;
  /** The first few errors, as `kind status: detail`. */
  errorSamples: string[];
  loadBefore: number;
  loadAfter: number;
}

export async function runMix(options: MixOptions): Promise<MixResult> {
  const samples = new Map<Kind, number[]>(MIX_KINDS.map((kind) => [kind, []]));
  const errorsByKind = new Map<Kind, number>();
  const errorSamples: string[] = [];
  let preconditionFailed = 0;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)] as T;

  /** One request: its latency is recorded under `kind`; a non-2xx answer is an error unless `allowed`. */
  const call = async (kind: Kind, tenantId: string, path: string, init: RequestInit = {}, allowed: number[] = []) => {
    const headers = { authorization: `Bearer ${options.token}`, 'x-tenant-id': tenantId, ...init.headers };
    const started = performance.now();
    let status = 0;
    let text = '';
    try {
      const response = await fetch(`${options.baseUrl}/api/v1${path}`, { ...init, headers });
      status = response.status;
      text = await response.text();
      samples.get(kind)?.push(performance.now() - started);
      if (response.ok) return { status, etag: response.headers.get('etag') };
      if (allowed.includes(status)) return { status, etag: null };
    } catch (error) {
      text = error instanceof Error ? error.message : String(error);
    }
    errorsByKind.set(kind, (errorsByKind.get(kind) ?? 0) + 1);
    if (errorSamples.length < 10) errorSamples.push(`${kind} ${status}: ${text.slice(0, 300)}`);
    return { status, etag: null };
  };

  const act = async (tenantId: string) => {
    const draw = Math.random();
    const action = ACTIONS.find(([share]) => draw < share)?.[1] ?? 'list';
    const contactId = pick(options.contactIds.get(tenantId) ?? []);
    const search = action === 'search' && options.searches !== 'none';
    if (action === 'list' || (action === 'search' && !search)) await call('list', tenantId, '/contacts?limit=20');
    if (search) {
      const phones = options.phoneQueries.get(tenantId) ?? [];
      const byPhone = options.searches === 'phones' || Math.random() < 0.5;
      const q = byPhone && phones.length > 0 ? pick(phones) : pick(options.nameQueries);
      await call('search', tenantId, `/contacts?limit=20&q=${encodeURIComponent(q)}`);
    }
    if (action === 'get') await call('get', tenantId, `/contacts/${contactId}`);
    if (action === 'create') {
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      const body = {
        displayName: `${first} ${last}`,
        email: `${randomUUID().slice(0, 8)}@mix.example`,
        phone: `+1512${String(2_000_000 + Math.floor(Math.random() * 7_999_999))}`,
        tags: ['bench-mix'],
      };
      await call('create', tenantId, '/contacts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify(body),
      });
    }
    if (action === 'update') {
      const read = await call('update (GET)', tenantId, `/contacts/${contactId}`);
      if (!read.etag) return;
      const patched = await call(
        'update (PATCH)',
        tenantId,
        `/contacts/${contactId}`,
        {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'if-match': read.etag },
          body: JSON.stringify({ notes: `Called back at ${new Date().toISOString()}.` }),
        },
        [412],
      );
      if (patched.status === 412) preconditionFailed++;
    }
  };

  const loadBefore = load1();
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.users }, async (_, user) => {
      const tenantId = options.tenantIds[user % options.tenantIds.length] as string;
      for (;;) {
        await sleep(1000 + Math.random() * 4000);
        if (performance.now() >= deadline) return;
        await act(tenantId);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const all = [...samples.values()].flat();
  const kinds: MixResult['kinds'] = {};
  for (const [kind, values] of samples) kinds[kind] = { ...latencyOf(values), errors: errorsByKind.get(kind) ?? 0 };
  const errors = [...errorsByKind.values()].reduce((sum, n) => sum + n, 0);
  return {
    users: options.users,
    searches: options.searches,
    seconds: Math.round(elapsed),
    requests: all.length,
    requestsPerSecond: Math.round(all.length / elapsed),
    overall: latencyOf(all),
    kinds,
    preconditionFailed,
    errors,
    errorSamples,
    loadBefore,
    loadAfter: load1(),
  };
}
