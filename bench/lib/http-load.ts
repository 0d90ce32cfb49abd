// Closed-loop HTTP load with autocannon: N connections, each sending its next request as soon as the previous
// answer arrived, for a fixed time after a warm-up (discarded). The same settings drive OnTrack and the floor, so
// their throughputs compare. Latencies are taken from every response (autocannon's own summary has no p95).
import autocannon from 'autocannon';
import { type Latency, latencyOf, load1, round } from './stats.js';

export interface LoadTarget {
  /** e.g. http://127.0.0.1:4000 */
  baseUrl: string;
  /** The i-th request's path and headers (rotating tenants and queries). */
  request(i: number): { path: string; headers: Record<string, string> };
}

export interface LoadResult extends Latency {
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Status codes other than 2xx and how often, to tell throttling (429) from failures (500). */
  statuses: Record<string, number>;
  loadBefore: number;
  loadAfter: number;
}

export async function runLoad(
  target: LoadTarget,
  options: { connections: number; seconds: number; warmupSeconds: number },
): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await cannon(target, options.connections, options.warmupSeconds);
  const loadBefore = load1();
  const { result, latencies, statuses } = await cannon(target, options.connections, options.seconds);
  const loadAfter = load1();
  return {
    connections: options.connections,
    seconds: result.duration,
    requestsPerSecond: round(latencies.length / result.duration, 0),
    ...latencyOf(latencies),
    non2xx: result.non2xx,
    errors: result.errors,
    statuses,
    loadBefore,
    loadAfter,
  };
}

async function cannon(target: LoadTarget, connections: number, seconds: number) {
  let next = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  // Without a callback the instance is also a promise of the result; the typings know only one side at a time.
  const instance = autocannon({
    url: target.baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const { path, headers } = target.request(next++);
          return { ...request, path, headers };
        },
      },
    ],
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode > 299) statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  return { result, latencies, statuses };
}

/** One request as a check before a run: a run of 401s or 404s measures nothing. */
export async function expectOk(baseUrl: string, request: { path: string; headers: Record<string, string> }) {
  const response = await fetch(`${baseUrl}${request.path}`, { headers: request.headers });
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${request.path} answered ${response.status}: ${body.slice(0, 500)}`);
  return JSON.parse(body) as unknown;
}
