import type { UpdateMe } from '@ontrack/schemas/tenants';
import { api, unwrap } from '../data/api-client';

/** The queries of the settings pages that the shell does not already hold. */
export const settingsKeys = {
  mfa: ['auth', 'mfa'] as const,
  tenantSecurity: ['tenant', 'security'] as const,
};

export const settingsApi = {
  updateMe: (patch: UpdateMe) => unwrap(() => api.PATCH('/api/v1/me', { body: patch })),
  mfaStatus: () => unwrap(() => api.GET('/api/v1/auth/mfa')),
  tenant: () => unwrap(() => api.GET('/api/v1/tenant')),
  tenantSecurity: () => unwrap(() => api.GET('/api/v1/tenant/security')),
};
