// How many times one request waits on PostgreSQL (ARCHITECTURE.md §6: at most two for a simple read). The API
// runs with its database URL pointed at the counting proxy; after a warm-up that opens and prepares every pooled
// connection, single requests are sent one at a time on a quiet API and the flights are split into those before
// the HTTP response arrived (the client waited for them) and those after it (e.g. a COMMIT sent after replying).
import { setTimeout as sleep } from 'node:timers/promises';
import { runLoad } from './http-load.js';
import type { Flight, RoundTripProxy } from './round-trip-proxy.js';

export interface RoundTripSample {
  before: number;
  after: number;
  /** Each flight's statements, in order, e.g. "BEGIN + select set_config(… + select … from sessions…". */
  flights: string[];
  newConnections: number;
}

export interface RoundTripResult {
  name: string;
  path: string;
  samples: RoundTripSample[];
}

export async function measureRoundTrips(
  proxy: RoundTripProxy,
  baseUrl: string,
  headers: Record<string, string>,
  endpoints: { name: string; path: string }[],
  samplesPerEndpoint: number,
): Promise<RoundTripResult[]> {
  // Warm every pooled connection (statements are prepared per connection) on every endpoint.
  let n = 0;
  await runLoad(
    { baseUrl, request: () => ({ path: endpoints[n++ % endpoints.length]?.path ?? '/', headers }) },
    { connections: 20, seconds: 2, warmupSeconds: 0 },
  );
  // Requests cut off at the end of the warm-up are still rolling back: start on a quiet pool.
  await quiet(proxy);
  const results: RoundTripResult[] = [];
  for (const endpoint of endpoints) {
    const samples: RoundTripSample[] = [];
    for (let i = 0; i < samplesPerEndpoint; i++) {
      await quiet(proxy);
      const connectionsBefore = proxy.connectionCount;
      const sent = performance.now();
      const response = await fetch(`${baseUrl}${endpoint.path}`, { headers });
      await response.arrayBuffer();
      const answered = performance.now();
      if (!response.ok) throw new Error(`${endpoint.path} answered ${response.status} through the proxy`);
      // Anything the request still owes the database (a COMMIT after replying) goes out within milliseconds.
      await sleep(500);
      const before = proxy.between(sent, answered);
      const after = proxy.between(answered, performance.now());
      samples.push({
        before: before.length,
        after: after.length,
        flights: [
          ...before.map((f) => describe(f, sent, '')),
          ...after.map((f) => describe(f, sent, '(after the response) ')),
        ],
        newConnections: proxy.connectionCount - connectionsBefore,
      });
    }
    results.push({ name: endpoint.name, path: endpoint.path, samples });
  }
  return results;
}

/** Waits until no flight has gone out for 300 ms (at most 15 s). */
async function quiet(proxy: RoundTripProxy): Promise<void> {
  const deadline = performance.now() + 15_000;
  for (;;) {
    const idle = performance.now() - (proxy.flights.at(-1)?.at ?? 0);
    if (idle >= 300 || performance.now() > deadline) return;
    await sleep(300 - idle);
  }
}

/** "+1.23 ms #4 [BESBES] select … + select …": when (after the request was sent), which connection, what. */
function describe(flight: Flight, sent: number, prefix: string): string {
  const what = flight.statements.join(' + ') || '(no complete message)';
  return `${prefix}+${(flight.at - sent).toFixed(2)} ms #${flight.connection} [${flight.messages}] ${what}`;
}
