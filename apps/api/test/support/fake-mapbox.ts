import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Mapbox's Geocoding API v5 (forward geocoding), as much of it as the official SDK uses:
 * `GET /geocoding/v5/{mode}/{query}.json?access_token=…&country=…&limit=…`, answering a GeoJSON
 * FeatureCollection whose features carry `center: [longitude, latitude]`, and Mapbox's error bodies
 * (`{"message": …}`). Point the SDK at it with MAPBOX_API_ORIGIN=origin. Shapes follow
 * https://docs.mapbox.com/api/search/geocoding-v5/.
 */

/** A token the SDK accepts: `pk.`, base64 JSON naming the account, a signature (never checked here). */
export const TEST_MAPBOX_TOKEN = `pk.${Buffer.from(JSON.stringify({ u: 'ontrack-test', a: 'fake-mapbox' })).toString('base64')}.dGVzdC1zaWduYXR1cmU`;

export interface FakeMapboxRequest {
  mode: string;
  query: string;
  params: URLSearchParams;
  status: number;
}

export class FakeMapbox {
  readonly requests: FakeMapboxRequest[] = [];
  /** Lower-cased text that a query must contain → [longitude, latitude]. */
  private readonly places = new Map<string, [number, number]>();
  private readonly failures: { status: number; message: string }[] = [];
  private delayMs = 0;
  private server: Server | undefined;
  origin = '';

  constructor(private readonly token = TEST_MAPBOX_TOKEN) {}

  async start(): Promise<this> {
    this.server = createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The API's environment for this server. */
  env(): Record<string, string> {
    return { MAPBOX_ACCESS_TOKEN: this.token, MAPBOX_API_ORIGIN: this.origin };
  }

  /** Queries containing `text` (case-insensitive) find a place at these coordinates. */
  place(text: string, latitude: number, longitude: number): this {
    this.places.set(text.toLowerCase(), [longitude, latitude]);
    return this;
  }

  /** The next `times` requests get this HTTP status (429, 5xx, 401, …) with a Mapbox error body. */
  failNext(status: number, times = 1, message = 'Service Unavailable'): this {
    for (let i = 0; i < times; i++) this.failures.push({ status, message });
    return this;
  }

  /** Answers only after `ms` (to let a client time out). */
  slowDown(ms: number): this {
    this.delayMs = ms;
    return this;
  }

  requestsFor(text: string): FakeMapboxRequest[] {
    return this.requests.filter((request) => request.query.toLowerCase().includes(text.toLowerCase()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', this.origin);
    const match = /^\/geocoding\/v5\/(mapbox\.places(?:-permanent)?)\/([^/]+)\.json$/.exec(url.pathname);
    const answer = (status: number, body: unknown) => {
      this.requests.push({
        mode: match?.[1] ?? '',
        query: match?.[2] ? decodeURIComponent(match[2]) : '',
        params: url.searchParams,
        status,
      });
      const send = () => {
        if (response.destroyed) return;
        response.writeHead(status, { 'content-type': 'application/vnd.geo+json; charset=utf-8' });
        response.end(JSON.stringify(body));
      };
      if (this.delayMs > 0) setTimeout(send, this.delayMs);
      else send();
    };
    if (request.method !== 'GET' || !match?.[2]) {
      answer(404, { message: 'Not Found' });
      return;
    }
    if (url.searchParams.get('access_token') !== this.token) {
      answer(401, { message: 'Not Authorized - Invalid Token' });
      return;
    }
    const failure = this.failures.shift();
    if (failure) {
      answer(failure.status, { message: failure.message });
      return;
    }
    const query = decodeURIComponent(match[2]);
    if (query.length > 256) {
      answer(422, { message: `Query too long - ${query.length}/256 characters` });
      return;
    }
    const found = [...this.places].find(([text]) => query.toLowerCase().includes(text));
    answer(200, {
      type: 'FeatureCollection',
      query: query.toLowerCase().split(/\s+/),
      features: found
        ? [
            {
              id: 'address.7205348327382442',
              type: 'Feature',
              place_type: ['address'],
              relevance: 1,
              properties: { accuracy: 'rooftop' },
              text: query.split(',')[0] ?? query,
              place_name: query,
              center: found[1],
              geometry: { type: 'Point', coordinates: found[1] },
              context: [],
            },
          ]
        : [],
      attribution:
        'NOTICE: © 2026 Mapbox and its suppliers. All rights reserved. Use of this data is subject to the Mapbox Terms of Service (https://www.mapbox.com/about/maps/). This response and the information it contains may not be retained.',
    });
  }
}
