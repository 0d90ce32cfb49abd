'use client';

import type { InvitationCreate } from '@ontrack/schemas/auth';
import type { CreateRole, UpdateMember, UpdateRole } from '@ontrack/schemas/rbac';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../data/api-client';
import { shellKeys, useShell } from '../shell/shell-context';

/** The queries of the team and roles pages; every key starts with `team` so one call can drop them all. */
export const teamKeys = {
  all: ['team'] as const,
  members: ['team', 'members'] as const,
  invitations: ['team', 'invitations'] as const,
  roles: ['team', 'roles'] as const,
  permissions: ['team', 'permissions'] as const,
};

export const teamQueries = {
  members: () => unwrap(() => api.GET('/api/v1/members')),
  invitations: async () => (await unwrap(() => api.GET('/api/v1/invitations'))).items,
  roles: () => unwrap(() => api.GET('/api/v1/roles')),
  permissions: () => unwrap(() => api.GET('/api/v1/permissions')),
};

export const teamMutations = {
  updateMember: ({ userId, patch }: { userId: string; patch: UpdateMember }) =>
    unwrap(() => api.PATCH('/api/v1/members/{userId}', { params: { path: { userId } }, body: patch })),
  invite: (body: InvitationCreate) => unwrap(() => api.POST('/api/v1/invitations', { body })),
  revokeInvitation: (id: string) => unwrap(() => api.DELETE('/api/v1/invitations/{id}', { params: { path: { id } } })),
  createRole: (body: CreateRole) => unwrap(() => api.POST('/api/v1/roles', { body })),
  updateRole: ({ id, patch }: { id: string; patch: UpdateRole }) =>
    unwrap(() => api.PATCH('/api/v1/roles/{id}', { params: { path: { id } }, body: patch })),
  deleteRole: (id: string) => unwrap(() => api.DELETE('/api/v1/roles/{id}', { params: { path: { id } } })),
};

// Each query only runs for someone who may read it: the others would only collect a 403.
export function useMembers(enabled = true) {
  return useQuery({ queryKey: teamKeys.members, queryFn: teamQueries.members, enabled });
}

export function useInvitations(enabled = true) {
  return useQuery({ queryKey: teamKeys.invitations, queryFn: teamQueries.invitations, enabled });
}

export function useRoles(enabled = true) {
  return useQuery({ queryKey: teamKeys.roles, queryFn: teamQueries.roles, enabled });
}

export function usePermissionCatalogue(enabled = true) {
  // The catalogue changes with a release, not while the page is open.
  return useQuery({
    queryKey: teamKeys.permissions,
    queryFn: teamQueries.permissions,
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The signed-in user's id, to mark their own row and to know when their own access changes. */
function useSelfId(): string | undefined {
  const shell = useShell();
  return shell.status === 'ready' ? shell.user.id : undefined;
}

export function useUpdateMember() {
  const client = useQueryClient();
  const selfId = useSelfId();
  return useMutation({
    mutationFn: teamMutations.updateMember,
    onSuccess: async (_member, { userId, patch }) => {
      const own = selfId !== undefined && userId.toLowerCase() === selfId.toLowerCase();
      await Promise.all([
        client.invalidateQueries({ queryKey: teamKeys.members }),
        // How many people hold each role changes with an assignment.
        patch.roleIds ? client.invalidateQueries({ queryKey: teamKeys.roles }) : undefined,
        // Their own roles decide what the shell shows them (menu, pages).
        own ? client.invalidateQueries({ queryKey: shellKeys.access }) : undefined,
      ]);
    },
  });
}

export function useInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: teamMutations.invite,
    onSuccess: () => client.invalidateQueries({ queryKey: teamKeys.invitations }),
  });
}

export function useRevokeInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: teamMutations.revokeInvitation,
    onSuccess: () => client.invalidateQueries({ queryKey: teamKeys.invitations }),
  });
}

export function useCreateRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: teamMutations.createRole,
    onSuccess: () => client.invalidateQueries({ queryKey: teamKeys.roles }),
  });
}

export function useUpdateRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: teamMutations.updateRole,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: teamKeys.roles }),
        // Members show role names, and pending invitations too.
        client.invalidateQueries({ queryKey: teamKeys.members }),
        client.invalidateQueries({ queryKey: teamKeys.invitations }),
        // The signed-in user may hold the role: their permissions change with it.
        client.invalidateQueries({ queryKey: shellKeys.access }),
      ]),
  });
}

export function useDeleteRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: teamMutations.deleteRole,
    onSuccess: () => client.invalidateQueries({ queryKey: teamKeys.roles }),
  });
}
