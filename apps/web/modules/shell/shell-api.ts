import { api, settle } from '../data/api-client';

/** The API calls of the signed-in shell (typed by the generated SDK). */
export const shellApi = {
  switchTenant: (tenant: string) => settle(() => api.POST('/api/v1/auth/switch-tenant', { body: { tenant } })),
  signOut: () => settle(() => api.POST('/api/v1/auth/sign-out')),
  sessions: () => settle(() => api.GET('/api/v1/auth/sessions')),
  revokeSession: (id: string) => settle(() => api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id } } })),
  signOutOthers: () => settle(() => api.POST('/api/v1/auth/sessions/sign-out-others')),
};
