/**
 * Security headers of the web app's pages (docs/security.md). The per-request parts (CSP with its nonce,
 * X-Frame-Options) are set by proxy.ts; the fixed ones by next.config.ts on every non-API path. Responses of
 * /api/* are the API's own, headers included: neither touches them.
 */

/**
 * Paths that other sites may frame. The embeddable request form (a later issue) lives under /r/; its pages get
 * `frame-ancestors *` and no X-Frame-Options. Add a prefix here only for pages built to be embedded: they must
 * not act on the visitor's session (no cookies are sent to them cross-site anyway: SameSite=Strict).
 */
export const EMBEDDABLE_PATH_PREFIXES: readonly string[] = ['/r'];

export function isEmbeddable(pathname: string): boolean {
  return EMBEDDABLE_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** Browser features no page uses; a feature that needs one (crew check-in: geolocation) widens it here. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
].join(', ');

/** Two years with subdomains: what the HSTS preload list asks for. Browsers ignore it over plain http. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** The headers that are the same on every page and static asset (next.config.ts `headers()`). */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: 'Strict-Transport-Security', value: STRICT_TRANSPORT_SECURITY },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
];

/** 128 random bits, base64: unguessable and fresh for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface CspOptions {
  nonce: string;
  pathname: string;
  /** `next dev`: React needs eval for its debugging aids, and the dev overlay injects styles without a nonce. */
  development: boolean;
  /** Served over https (directly or behind a TLS proxy): ask the browser to upgrade any stray http: load. */
  https: boolean;
}

/**
 * A strict, nonce-based CSP: Next.js puts the nonce on its own scripts and inline styles when it finds it in
 * the request's CSP header, and 'strict-dynamic' lets those scripts load the app's chunks. No host allow-list,
 * so nothing from another origin runs; the API is same-origin (/api/*), so connect-src 'self' suffices.
 */
export function contentSecurityPolicy({ nonce, pathname, development, https }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // Named, not left to fallbacks: worker-src falls back to script-src, where 'strict-dynamic' voids 'self',
    // so without it the service worker (a same-origin script registered by the app's code) would be refused.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${isEmbeddable(pathname) ? '*' : "'none'"}`,
  ];
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}
