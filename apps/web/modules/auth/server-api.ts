import type { OidcProvider } from '@ontrack/schemas/auth-oidc';
import type { PublicBusiness } from '@ontrack/schemas/tenants';
import { createApiClient } from '@ontrack/sdk/client';

/**
 * The sign-in providers, read on the server so the buttons are in the first render (and work without
 * JavaScript: they are plain links). A failure shows the email form alone rather than an error page.
 */
export async function listSignInProviders(): Promise<OidcProvider[]> {
  const api = createApiClient({ baseUrl: process.env.API_INTERNAL_URL ?? 'http://127.0.0.1:4000' });
  try {
    const { data } = await api.GET('/api/v1/auth/providers', { signal: AbortSignal.timeout(3_000) });
    return data?.providers ?? [];
  } catch {
    return [];
  }
}

export type PublicBusinessLookup =
  | { status: 'found'; business: PublicBusiness }
  | { status: 'missing' }
  | { status: 'unavailable' };

/** A business's public face by slug, for its client-portal sign-in page (read on the server, before sign-in). */
export async function findPublicBusiness(slug: string): Promise<PublicBusinessLookup> {
  const api = createApiClient({ baseUrl: process.env.API_INTERNAL_URL ?? 'http://127.0.0.1:4000' });
  try {
    const { data, response } = await api.GET('/api/v1/public/businesses/{slug}', {
      params: { path: { slug } },
      signal: AbortSignal.timeout(3_000),
    });
    if (data) return { status: 'found', business: data };
    return response.status === 404 || response.status === 422 ? { status: 'missing' } : { status: 'unavailable' };
  } catch {
    return { status: 'unavailable' };
  }
}
