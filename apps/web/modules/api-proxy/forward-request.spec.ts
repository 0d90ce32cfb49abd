import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyEndToEndHeaders,
  downstreamResponseHeaders,
  forwardRequest,
  hasRequestBody,
  isHopByHopHeader,
  upstreamRequestHeaders,
  upstreamUrl,
} from './forward-request';

describe('isHopByHopHeader', () => {
  it.each(['Connection', 'keep-alive', 'Transfer-Encoding', 'upgrade', 'TE', 'trailer', 'proxy-authorization'])(
    'drops %s',
    (name) => expect(isHopByHopHeader(name)).toBe(true),
  );

  it.each(['content-type', 'cookie', 'set-cookie', 'x-request-id', 'authorization', 'trailers-x'])('keeps %s', (name) =>
    expect(isHopByHopHeader(name)).toBe(false),
  );
});

describe('copyEndToEndHeaders', () => {
  it('drops hop-by-hop headers and the ones the Connection header names', () => {
    const source = new Headers({
      connection: 'keep-alive, X-Secret-Hop',
      'keep-alive': 'timeout=5',
      'transfer-encoding': 'chunked',
      'proxy-authenticate': 'Basic',
      'x-secret-hop': '1',
      'content-type': 'application/json',
      'x-request-id': 'req-1',
    });
    const copied = copyEndToEndHeaders(source);
    expect([...copied.keys()].sort()).toEqual(['content-type', 'x-request-id']);
    expect(copied.get('x-request-id')).toBe('req-1');
  });

  it('keeps every Set-Cookie as its own header', () => {
    const source = new Headers();
    source.append('set-cookie', 'a=1; Path=/; HttpOnly');
    source.append('set-cookie', 'b=2; Path=/, c');
    expect(copyEndToEndHeaders(source).getSetCookie()).toEqual(['a=1; Path=/; HttpOnly', 'b=2; Path=/, c']);
  });

  it('drops the extra names it is given', () => {
    const source = new Headers({ host: 'web.example', accept: '*/*' });
    expect([...copyEndToEndHeaders(source, ['host']).keys()]).toEqual(['accept']);
  });
});

describe('upstreamRequestHeaders', () => {
  it('passes end-to-end headers through and fills in the x-forwarded-* headers', () => {
    const request = new Request('https://app.example/api/v1/leads', {
      headers: {
        host: 'app.example',
        cookie: '__Host-session=abc',
        authorization: 'Bearer t',
        'x-request-id': 'req-2',
        'x-forwarded-for': '203.0.113.7',
        connection: 'keep-alive',
        'accept-encoding': 'gzip, br',
        expect: '100-continue',
      },
    });
    const headers = upstreamRequestHeaders(request);
    expect(headers.get('host')).toBeNull();
    expect(headers.get('connection')).toBeNull();
    expect(headers.get('expect')).toBeNull();
    expect(headers.get('cookie')).toBe('__Host-session=abc');
    expect(headers.get('authorization')).toBe('Bearer t');
    expect(headers.get('x-request-id')).toBe('req-2');
    expect(headers.get('x-forwarded-for')).toBe('203.0.113.7');
    expect(headers.get('x-forwarded-host')).toBe('app.example');
    expect(headers.get('x-forwarded-proto')).toBe('https');
    expect(headers.get('accept-encoding')).toBe('identity');
  });

  it('keeps x-forwarded-host and -proto set by the server in front', () => {
    const request = new Request('http://127.0.0.1:3000/api/healthz', {
      headers: { host: '127.0.0.1:3000', 'x-forwarded-host': 'ontrack.example', 'x-forwarded-proto': 'https' },
    });
    const headers = upstreamRequestHeaders(request);
    expect(headers.get('x-forwarded-host')).toBe('ontrack.example');
    expect(headers.get('x-forwarded-proto')).toBe('https');
  });
});

describe('downstreamResponseHeaders', () => {
  const upstream = (headers: Record<string, string>, status = 200) =>
    new Response(status === 204 ? null : 'x', { status, headers });

  it('drops content-encoding and content-length once fetch has decoded the body', () => {
    const headers = downstreamResponseHeaders(
      upstream({ 'content-encoding': 'gzip', 'content-length': '20', 'content-type': 'application/json' }),
      'GET',
    );
    expect(headers.get('content-encoding')).toBeNull();
    expect(headers.get('content-length')).toBeNull();
    expect(headers.get('content-type')).toBe('application/json');
  });

  it('keeps them when the body was passed through untouched', () => {
    const unknownCoding = downstreamResponseHeaders(upstream({ 'content-encoding': 'gzip, foo' }), 'GET');
    expect(unknownCoding.get('content-encoding')).toBe('gzip, foo');
    const head = downstreamResponseHeaders(upstream({ 'content-encoding': 'br', 'content-length': '9' }), 'HEAD');
    expect(head.get('content-encoding')).toBe('br');
    expect(head.get('content-length')).toBe('9');
    const plain = downstreamResponseHeaders(upstream({ 'content-length': '2' }), 'GET');
    expect(plain.get('content-length')).toBe('2');
  });

  it('drops hop-by-hop headers and keeps x-request-id', () => {
    const headers = downstreamResponseHeaders(
      upstream({ connection: 'close', 'keep-alive': 'timeout=5', 'x-request-id': 'req-3' }),
      'GET',
    );
    expect(headers.get('connection')).toBeNull();
    expect(headers.get('keep-alive')).toBeNull();
    expect(headers.get('x-request-id')).toBe('req-3');
  });
});

describe('upstreamUrl', () => {
  it('keeps the path as encoded and the query string', () => {
    expect(upstreamUrl('http://web/api/v1/files/a%2Fb?x=1&y=%20', 'http://127.0.0.1:4000')?.href).toBe(
      'http://127.0.0.1:4000/api/v1/files/a%2Fb?x=1&y=%20',
    );
  });

  it('keeps a path prefix of the API base URL', () => {
    expect(upstreamUrl('http://web/api/healthz', 'http://api.internal/backend/')?.href).toBe(
      'http://api.internal/backend/api/healthz',
    );
  });

  it('refuses paths that climb out of /api/', () => {
    expect(upstreamUrl('http://web/api/%2e%2e/metrics', 'http://127.0.0.1:4000')).toBeNull();
    expect(upstreamUrl('http://web/api/v1/%2E%2E/%2e%2e/admin', 'http://127.0.0.1:4000/')).toBeNull();
  });

  it('refuses a path that would read as another host if it were parsed as a relative URL', () => {
    expect(upstreamUrl('http://web//evil.example/api/x', 'http://127.0.0.1:4000')).toBeNull();
  });
});

describe('hasRequestBody', () => {
  const post = (headers: Record<string, string>) =>
    new Request('http://web/api/x', { method: 'POST', body: 'abc', headers, duplex: 'half' } as RequestInit);

  it('follows the HTTP/1.1 framing headers', () => {
    expect(hasRequestBody(post({ 'content-length': '3' }))).toBe(true);
    expect(hasRequestBody(post({ 'content-length': '0' }))).toBe(false);
    expect(hasRequestBody(post({ 'transfer-encoding': 'chunked' }))).toBe(true);
    expect(hasRequestBody(post({}))).toBe(false);
    expect(hasRequestBody(new Request('http://web/api/x'))).toBe(false);
  });
});

describe('forwardRequest', () => {
  interface Seen {
    method: string | undefined;
    url: string | undefined;
    headers: IncomingHttpHeaders;
    body: string;
  }
  let server: Server;
  let apiBaseUrl: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      if (req.url === '/api/redirect') {
        res.writeHead(303, { location: '/api/elsewhere', 'set-cookie': ['a=1; Path=/', 'b=2; Path=/'] });
        res.end();
        return;
      }
      res.writeHead(201, 'Created', { 'content-type': 'application/json', 'x-request-id': 'from-api' });
      // Two writes, so the proxy has to pass a streamed (chunked) body along.
      res.write('{"echo":');
      setTimeout(() => res.end(`${JSON.stringify(Buffer.concat(chunks).toString())}}`), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    // fetch keeps its sockets alive; without this, close() waits for their idle timeout.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('streams the request to the API and its response back', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('hello '));
        controller.enqueue(new TextEncoder().encode('api'));
        controller.close();
      },
    });
    const request = new Request('http://web.example/api/v1/leads?page=2', {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': 'text/plain', 'content-length': '9', 'x-request-id': 'req-4', host: 'web.example' },
    } as RequestInit);

    const response = await forwardRequest(request, { apiBaseUrl });

    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ echo: 'hello api' });
    const last = seen.at(-1);
    expect(last?.method).toBe('POST');
    expect(last?.url).toBe('/api/v1/leads?page=2');
    expect(last?.headers['x-request-id']).toBe('req-4');
    expect(last?.headers['x-forwarded-host']).toBe('web.example');
    expect(last?.headers['content-length']).toBe('9');
  });

  it('sends no body for a request that has none', async () => {
    await forwardRequest(new Request('http://web/api/v1/leads/1', { method: 'DELETE' }), { apiBaseUrl });
    const last = seen.at(-1);
    expect(last?.method).toBe('DELETE');
    expect(last?.headers['transfer-encoding']).toBeUndefined();
    expect(last?.body).toBe('');
  });

  it('hands redirects and every cookie to the browser instead of following them', async () => {
    const response = await forwardRequest(new Request('http://web/api/redirect'), { apiBaseUrl });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/api/elsewhere');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });

  it('answers 502 problem+json when the API is not reachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const response = await forwardRequest(
        new Request('http://web/api/healthz', { headers: { 'x-request-id': 'req-5' } }),
        { apiBaseUrl: `http://127.0.0.1:${port}` },
      );
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('x-request-id')).toBe('req-5');
      expect(await response.json()).toEqual({
        type: 'about:blank',
        title: 'Bad Gateway',
        status: 502,
        detail: 'The API is not reachable.',
      });
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });

  it('answers 400 problem+json for a path outside /api/ without calling the API', async () => {
    const count = seen.length;
    const response = await forwardRequest(new Request('http://web/api/%2e%2e/metrics'), { apiBaseUrl });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(seen).toHaveLength(count);
  });
});
