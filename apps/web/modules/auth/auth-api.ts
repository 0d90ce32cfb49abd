import { createApiClient } from '@ontrack/sdk/client';
import { NETWORK_PROBLEM, type ProblemView, toProblemView } from './problem';
import { createSessionFetch } from './session-fetch';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; problem: ProblemView };

// Same origin (the web app proxies /api/*), so the session cookies go along and stay first-party.
const api = createApiClient({ fetch: createSessionFetch(), credentials: 'same-origin' });

/** openapi-fetch's answer: `data` on success (typed from the OpenAPI spec), `error` otherwise. */
interface SdkAnswer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

async function settle<D>(call: () => Promise<SdkAnswer<D>>): Promise<ApiResult<D>> {
  let answer: SdkAnswer<D>;
  try {
    answer = await call();
  } catch {
    return { ok: false, problem: NETWORK_PROBLEM };
  }
  if (!answer.response.ok) return { ok: false, problem: toProblemView(answer.error, answer.response) };
  // A 204 has no body: `data` is undefined, which is what those operations declare.
  return { ok: true, data: answer.data as D };
}

/** The API calls of the sign-in pages and the signed-in landing (typed by the generated SDK). */
export const authApi = {
  requestMagicLink: (email: string) => settle(() => api.POST('/api/v1/auth/magic-link', { body: { email } })),
  verifyMagicLink: (token: string) =>
    settle(() => api.POST('/api/v1/auth/magic-link/verify', { body: { token, mode: 'cookie' } })),
  providers: () => settle(() => api.GET('/api/v1/auth/providers')),
  mfaStatus: () => settle(() => api.GET('/api/v1/auth/mfa')),
  enrolTotp: () => settle(() => api.POST('/api/v1/auth/mfa/totp/enrol')),
  confirmTotp: (code: string) => settle(() => api.POST('/api/v1/auth/mfa/totp/confirm', { body: { code } })),
  verifyMfa: (factor: { code: string } | { recoveryCode: string }) =>
    settle(() => api.POST('/api/v1/auth/mfa/verify', { body: factor })),
  me: () => settle(() => api.GET('/api/v1/me')),
  signOut: () => settle(() => api.POST('/api/v1/auth/sign-out')),
};

/** Where a sign-in with a provider starts: a browser navigation (it redirects to the provider), not a fetch. */
export function oidcStartUrl(providerId: string, returnTo = '/app'): string {
  return `/api/v1/auth/oidc/${encodeURIComponent(providerId)}/start?returnTo=${encodeURIComponent(returnTo)}`;
}
