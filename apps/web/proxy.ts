import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy, createNonce, isEmbeddable } from './modules/security/security-headers';

/**
 * Next.js 16 Proxy (formerly middleware): a fresh CSP nonce for every page. Next reads the nonce from the
 * request's Content-Security-Policy header and stamps it on the scripts and styles it renders, which is why
 * pages are rendered per request (the root layout awaits `connection()`).
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const forwardedProto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const policy = contentSecurityPolicy({
    nonce,
    pathname: request.nextUrl.pathname,
    development: process.env.NODE_ENV === 'development',
    https: (forwardedProto ?? request.nextUrl.protocol.replace(/:$/, '')) === 'https',
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  // For browsers that predate frame-ancestors; embeddable pages are framed on purpose.
  if (!isEmbeddable(request.nextUrl.pathname)) response.headers.set('x-frame-options', 'DENY');
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: /api/* answers with the API's own headers, and static files carry no markup to protect.
      source: '/((?!api(?:/|$)|_next/static|_next/image|favicon.ico).*)',
      // Prefetches of next/link render nothing the browser executes under this response's policy.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
