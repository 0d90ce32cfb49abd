import type { OidcProvider } from '@ontrack/schemas/auth-oidc';
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
