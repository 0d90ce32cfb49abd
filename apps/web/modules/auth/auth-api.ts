import { api, settle } from '../data/api-client';

/** The API calls of the sign-in pages and the signed-in landing (typed by the generated SDK). */
export const authApi = {
  /** `tenant`: a client-portal link, scoped to that business (its slug). */
  requestMagicLink: (email: string, tenant?: string) =>
    settle(() => api.POST('/api/v1/auth/magic-link', { body: tenant ? { email, tenant } : { email } })),
  acceptInvitation: (token: string) =>
    settle(() => api.POST('/api/v1/auth/invitations/accept', { body: { token, mode: 'cookie' } })),
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
