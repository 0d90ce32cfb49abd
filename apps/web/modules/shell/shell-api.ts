import { createApiClient } from '@ontrack/sdk/client';
import type { ApiResult } from '../auth/auth-api';
import { NETWORK_PROBLEM, toProblemView } from '../auth/problem';
import { createSessionFetch } from '../auth/session-fetch';

// Same origin (the web app proxies /api/*), so the session cookies go along. The session fetch refreshes an
// expired access token under the same Web Lock as the sign-in pages' client, so the two never refresh at once.
const api = createApiClient({ fetch: createSessionFetch(), credentials: 'same-origin' });

interface SdkAnswer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

export async function settle<D>(call: () => Promise<SdkAnswer<D>>): Promise<ApiResult<D>> {
  let answer: SdkAnswer<D>;
  try {
    answer = await call();
  } catch {
    return { ok: false, problem: NETWORK_PROBLEM };
  }
  if (!answer.response.ok) return { ok: false, problem: toProblemView(answer.error, answer.response) };
  return { ok: true, data: answer.data as D };
}

/** The API calls of the signed-in shell (typed by the generated SDK). */
export const shellApi = {
  me: () => settle(() => api.GET('/api/v1/me')),
  tenant: () => settle(() => api.GET('/api/v1/tenant')),
  access: () => settle(() => api.GET('/api/v1/me/access')),
  switchTenant: (tenant: string) => settle(() => api.POST('/api/v1/auth/switch-tenant', { body: { tenant } })),
  signOut: () => settle(() => api.POST('/api/v1/auth/sign-out')),
  sessions: () => settle(() => api.GET('/api/v1/auth/sessions')),
  revokeSession: (id: string) => settle(() => api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id } } })),
  signOutOthers: () => settle(() => api.POST('/api/v1/auth/sessions/sign-out-others')),
};
