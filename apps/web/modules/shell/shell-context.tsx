'use client';

import type { Permission } from '@ontrack/schemas/permissions';
import type { Me, TenantView } from '@ontrack/schemas/tenants';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { authApi } from '../auth/auth-api';
import { replaceWithFullLoad } from '../auth/navigate-session';
import type { ProblemView } from '../auth/problem';
import { shellApi } from './shell-api';

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
    };

const ShellContext = createContext<ShellState>({ status: 'loading' });

export function useShell(): ShellState {
  return useContext(ShellContext);
}

async function loadPermissions(): Promise<Set<Permission>> {
  const access = await shellApi.access();
  // Nothing known (no business to work in, or the call failed): only what needs no permission is shown.
  return access.ok ? new Set(access.data.permissions) : new Set();
}

/**
 * Loads who is signed in, the business they work in and what they may do there, once per page load (a tenant
 * switch reloads the page). A session that no longer works goes back to sign-in; one that still owes its
 * second factor goes to that step.
 */
export function ShellProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<ShellState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const me = await shellApi.me();
      if (cancelled) return;
      if (!me.ok) {
        if (me.problem.status !== 401) return setState({ status: 'failed', problem: me.problem });
        // The MFA status route is the one an MFA-pending session may still read.
        const mfa = await authApi.mfaStatus();
        if (!cancelled) replaceWithFullLoad(mfa.ok ? '/sign-in/mfa' : '/sign-in');
        return;
      }
      const user: ShellUser = {
        id: me.data.id,
        name: me.data.name,
        email: me.data.email,
        memberships: me.data.memberships,
      };
      const hasActive = user.memberships.some((membership) => membership.status === 'active');
      const tenant = hasActive ? await shellApi.tenant() : undefined;
      const permissions = tenant?.ok ? await loadPermissions() : new Set<Permission>();
      if (cancelled) return;
      setState({
        status: 'ready',
        user,
        tenant: tenant?.ok ? { id: tenant.data.id, name: tenant.data.name, slug: tenant.data.slug } : undefined,
        permissions,
      });
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  return <ShellContext value={state}>{children}</ShellContext>;
}
