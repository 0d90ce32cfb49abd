/**
 * Same-origin proxy from the web app to the API: the browser only ever talks to the web origin, so cookies
 * stay first-party and the CSP needs no API host. Bodies are streamed both ways, never buffered.
 */

// Headers that describe one connection rather than the message (RFC 9110 §7.6.1); a proxy must not forward
// them. Every `proxy-*` header is dropped as well (proxy-authorization, proxy-connection, ...).
const HOP_BY_HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

// `host` is the web app's own; fetch sets the API's. Node's fetch throws on any `expect` header.
// `accept-encoding` is replaced: see upstreamRequestHeaders.
const REQUEST_ONLY_DROPPED = ['host', 'expect', 'accept-encoding'];

// The codings Node's fetch (undici) decodes by itself. It decodes only when it knows every coding listed;
// otherwise it hands the body over untouched and the header must stay.
const CODINGS_FETCH_DECODES = new Set(['gzip', 'x-gzip', 'deflate', 'br', 'zstd']);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ForwardOptions {
  /** Where the API listens, e.g. http://127.0.0.1:4000 (a path prefix is kept). */
  apiBaseUrl: string;
}

// lib.dom's RequestInit does not know `duplex` yet; Node requires it for a streamed request body.
type StreamingRequestInit = RequestInit & { duplex?: 'half' };

export function isHopByHopHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return HOP_BY_HOP_HEADERS.has(lower) || lower.startsWith('proxy-');
}

/** Copies the end-to-end headers: not hop-by-hop, not named by `Connection`, not in `drop` (lower case). */
export function copyEndToEndHeaders(source: Headers, drop: readonly string[] = []): Headers {
  const namedByConnection = new Set(
    (source.get('connection') ?? '')
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter(Boolean),
  );
  const result = new Headers();
  // Iterating Headers yields names in lower case, and each Set-Cookie separately, so none is merged.
  for (const [name, value] of source) {
    if (isHopByHopHeader(name) || namedByConnection.has(name) || drop.includes(name)) continue;
    result.append(name, value);
  }
  return result;
}

/**
 * The headers sent to the API. Next's server has already filled in x-forwarded-for/-host/-proto from the
 * socket when the client did not send them; the fallbacks below only matter outside `next start`.
 * Whether to believe a client-supplied x-forwarded-for is the API's decision (its trusted-proxy setting).
 */
export function upstreamRequestHeaders(request: Request): Headers {
  const url = new URL(request.url);
  const headers = copyEndToEndHeaders(request.headers, REQUEST_ONLY_DROPPED);
  headers.set('x-forwarded-host', request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host);
  headers.set('x-forwarded-proto', request.headers.get('x-forwarded-proto') ?? url.protocol.replace(/:$/, ''));
  // Compressing on the loopback hop only costs CPU: fetch would decompress it again right away, and the web
  // server compresses what it sends to the browser anyway.
  headers.set('accept-encoding', 'identity');
  return headers;
}

/** True when fetch has decoded the body, so content-encoding and content-length no longer describe it. */
export function fetchDecodedBody(upstream: Response, method: string): boolean {
  const codings = (upstream.headers.get('content-encoding') ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter(Boolean);
  if (codings.length === 0 || method === 'HEAD' || NULL_BODY_STATUSES.has(upstream.status)) return false;
  return codings.every((coding) => CODINGS_FETCH_DECODES.has(coding));
}

export function downstreamResponseHeaders(upstream: Response, method: string): Headers {
  const drop = fetchDecodedBody(upstream, method) ? ['content-encoding', 'content-length'] : [];
  return copyEndToEndHeaders(upstream.headers, drop);
}

/**
 * `<api base>/api/<path>?<query>`, keeping the request's path exactly as the client encoded it. Null when
 * dot segments (also percent-encoded ones) would climb out of the API's `/api/` tree.
 */
export function upstreamUrl(requestUrl: string, apiBaseUrl: string): URL | null {
  const { pathname, search } = new URL(requestUrl);
  const target = new URL(apiBaseUrl);
  const prefix = target.pathname.replace(/\/+$/, '');
  // Assigned through the setters, never parsed as a relative URL: a path like `//host` cannot change the host.
  target.pathname = `${prefix}${pathname}`;
  target.search = search;
  target.hash = '';
  return target.pathname.startsWith(`${prefix}/api/`) ? target : null;
}

/**
 * Whether the client sent a body. HTTP/1.1 frames a body with content-length or transfer-encoding (RFC 9112
 * §6.3); forwarding an empty stream instead would reach the API as a chunked body, which some routes refuse.
 */
export function hasRequestBody(request: Request): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.body === null) return false;
  const length = request.headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return request.headers.has('transfer-encoding');
}

export function problemResponse(status: number, title: string, detail: string, requestId?: string | null): Response {
  const headers = new Headers({ 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' });
  if (requestId) headers.set('x-request-id', requestId);
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), { status, headers });
}

export async function forwardRequest(request: Request, options: ForwardOptions): Promise<Response> {
  const requestId = request.headers.get('x-request-id');
  const target = upstreamUrl(request.url, options.apiBaseUrl);
  if (target === null) {
    return problemResponse(400, 'Bad Request', 'The request path is not a valid API path.', requestId);
  }

  const withBody = hasRequestBody(request);
  const init: StreamingRequestInit = {
    method: request.method,
    headers: upstreamRequestHeaders(request),
    body: withBody ? request.body : null,
    // The browser must see the API's redirects (and their cookies) itself, not their targets.
    redirect: 'manual',
    // A client that goes away cancels the upstream request instead of leaving it running.
    signal: request.signal,
    // Deliberately no `cache` option: fetch turns cache: 'no-store' into pragma/cache-control request
    // headers the client never sent. The route is force-dynamic, so Next's fetch cache stays out of the way.
  };
  if (withBody) init.duplex = 'half';

  let upstream: Response;
  try {
    upstream = await fetch(target, init);
  } catch (error) {
    if (!request.signal.aborted) {
      // The path only: query strings can carry tokens that do not belong in logs.
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      console.error(`api-proxy: ${request.method} ${target.pathname} failed: ${cause}`);
    }
    return problemResponse(502, 'Bad Gateway', 'The API is not reachable.', requestId);
  }

  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: downstreamResponseHeaders(upstream, request.method),
  });
}
