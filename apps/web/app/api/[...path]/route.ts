import { forwardRequest } from '../../../modules/api-proxy/forward-request';

// Read at request time: the same build runs against whichever API the environment names.
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

function proxy(request: Request): Promise<Response> {
  return forwardRequest(request, { apiBaseUrl: process.env.API_INTERNAL_URL ?? 'http://127.0.0.1:4000' });
}

export const GET = proxy;
export const POST = proxy;
export const PUT = proxy;
export const PATCH = proxy;
export const DELETE = proxy;
export const OPTIONS = proxy;
export const HEAD = proxy;
