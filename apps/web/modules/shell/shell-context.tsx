'use client';

import type { Permission, RoleScope } from '@ontrack/schemas/permissions';
import type { Me, TenantView } from '@ontrack/schemas/tenants';
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { replaceWithFullLoad } from '../auth/navigate-session';
import type { ProblemView } from '../auth/problem';
// Not authApi: the sign-in pages' calls would come along into every signed-in page.
import { api, problemOf, settle, unwrap } from '../data/api-client';

/** Only the fields the shell shows: the SDK types `locale` loosely, so it is left out. */
export type ShellUser = Pick<Me, 'id' | 'name' | 'email' | 'memberships'>;
export type ActiveTenant = Pick<TenantView, 'id' | 'name' | 'slug'>;

export type ShellState =
  | { status: 'loading' }
  | { status: 'failed'; problem: ProblemView }
  | {
      status: 'ready';
      user: ShellUser;
      /** Undefined when the user has no active membership to work in. */
      tenant: ActiveTenant | undefined;
      permissions: ReadonlySet<Permission>;
      /** Keys of the roles held in the active business (`admin`, `crew`, a custom key), for the dashboard. */
      roles: readonly string[];
      scopes: readonly RoleScope[];
    };

const ShellContext = createContext<ShellState>({ status: 'loading' });

export function useShell(): ShellState {
  return useContext(ShellContext);
}

/** The shell's queries; pages that change what they show (a rename, the user's name) invalidate them. */
export const shellKeys = {
  me: ['me'] as const,
  tenant: ['tenant'] as const,
  access: ['me', 'access'] as const,
};

/**
 * Who is signed in, the business they work in and what they may do there (a tenant switch reloads the page).
 * A session that no longer works goes back to sign-in; one that still owes its second factor goes to that step.
 */
export function ShellProvider({ children }: { children: ReactNode }) {
  const me = useQuery({ queryKey: shellKeys.me, queryFn: () => unwrap(() => api.GET('/api/v1/me')) });
  const hasActive = me.data?.memberships.some((membership) => membership.status === 'active') ?? false;
  const tenant = useQuery({
    queryKey: shellKeys.tenant,
    queryFn: () => unwrap(() => api.GET('/api/v1/tenant')),
    enabled: hasActive,
  });
  const access = useQuery({
    queryKey: shellKeys.access,
    queryFn: () => unwrap(() => api.GET('/api/v1/me/access')),
    enabled: tenant.isSuccess,
  });

  const signedOut = me.isError && problemOf(me.error).status === 401;
  useEffect(() => {
    if (!signedOut) return;
    // The MFA status route is the one an MFA-pending session may still read.
    void settle(() => api.GET('/api/v1/auth/mfa')).then((mfa) =>
      replaceWithFullLoad(mfa.ok ? '/sign-in/mfa' : '/sign-in'),
    );
  }, [signedOut]);

  const state = useMemo((): ShellState => {
    if (me.isError) return signedOut ? { status: 'loading' } : { status: 'failed', problem: problemOf(me.error) };
    if (!me.data || (hasActive && tenant.isPending) || (tenant.isSuccess && access.isPending)) {
      return { status: 'loading' };
    }
    const { id, name, email, memberships } = me.data;
    return {
      status: 'ready',
      user: { id, name, email, memberships },
      tenant: tenant.data ? { id: tenant.data.id, name: tenant.data.name, slug: tenant.data.slug } : undefined,
      // Nothing known (no business to work in, or the call failed): only what needs no permission is shown.
      permissions: new Set(access.data?.permissions ?? []),
      roles: access.data?.roles ?? [],
      scopes: access.data?.scopes ?? [],
    };
  }, [
    me.isError,
    me.error,
    me.data,
    signedOut,
    hasActive,
    tenant.isPending,
    tenant.isSuccess,
    tenant.data,
    access.isPending,
    access.data,
  ]);

  return <ShellContext value={state}>{children}</ShellContext>;
}
