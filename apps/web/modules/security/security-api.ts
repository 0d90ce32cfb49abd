'use client';

import type { ChangeEmail, SecondFactor } from '@ontrack/schemas/auth-mfa';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../data/api-client';
import { shellKeys } from '../shell/shell-context';

/** The queries of the security page; every key starts with `security`. */
export const securityKeys = {
  status: ['security', 'mfa'] as const,
};

export const securityQueries = {
  status: () => unwrap(() => api.GET('/api/v1/auth/mfa')),
};

export const securityMutations = {
  enrol: () => unwrap(() => api.POST('/api/v1/auth/mfa/totp/enrol')),
  confirm: (code: string) => unwrap(() => api.POST('/api/v1/auth/mfa/totp/confirm', { body: { code } })),
  reauthenticate: (factor: SecondFactor) => unwrap(() => api.POST('/api/v1/auth/reauthenticate', { body: factor })),
  removeTotp: () => unwrap(() => api.DELETE('/api/v1/auth/mfa/totp')),
  regenerateRecoveryCodes: () => unwrap(() => api.POST('/api/v1/auth/mfa/recovery-codes')),
  changeEmail: (body: ChangeEmail) => unwrap(() => api.PATCH('/api/v1/me/email', { body })),
};

export function useMfaStatus() {
  return useQuery({ queryKey: securityKeys.status, queryFn: securityQueries.status });
}

export function useEnrolTotp() {
  return useMutation({ mutationFn: securityMutations.enrol });
}

export function useConfirmTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: securityMutations.confirm,
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.status }),
  });
}

export function useReauthenticate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: securityMutations.reauthenticate,
    // A recovery code spent on it leaves one fewer.
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.status }),
  });
}

export function useRemoveTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: securityMutations.removeTotp,
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.status }),
  });
}

export function useRegenerateRecoveryCodes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: securityMutations.regenerateRecoveryCodes,
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.status }),
  });
}

export function useChangeEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: securityMutations.changeEmail,
    // The shell shows the address under the user's name.
    onSuccess: () => client.invalidateQueries({ queryKey: shellKeys.me }),
  });
}
