'use client';

import type { RoleView } from '@ontrack/schemas/rbac';
import { Badge } from '@ontrack/ui/badge';
import { Button } from '@ontrack/ui/button';
import { cn, focusRing } from '@ontrack/ui/class-names';
import { EmptyState } from '@ontrack/ui/empty-state';
import { toast } from '@ontrack/ui/toast-store';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import { ConfirmDialog } from '../../data/components/confirm-dialog';
import { LoadingRows, ProblemAlert } from '../../data/components/problem-alert';
import { RequirePermission } from '../../shell/components/require-permission';
import { useShell } from '../../shell/shell-context';
import { RoleDetailsDialog, RoleEditorDialog } from '../components/role-dialogs';
import { useRoleText } from '../components/team-ui';
import { useDeleteRole, useRoles } from '../team-api';

type Action = { kind: 'view' | 'edit' | 'delete'; role: RoleView } | { kind: 'create' };

/** The business's roles: the five defaults (read-only) and its custom roles, which admins write and delete. */
export function RolesView() {
  const t = useTranslations('team.rolesPage');
  return (
    <RequirePermission anyOf={['roles:read']} title={t('title')}>
      <RolesContent />
    </RequirePermission>
  );
}

function RolesContent() {
  const t = useTranslations('team');
  const shell = useShell();
  const roles = useRoles();
  const deleteRole = useDeleteRole();
  const [action, setAction] = useState<Action>();
  const [open, setOpen] = useState(false);
  const customHeadingRef = useRef<HTMLHeadingElement>(null);
  const createRef = useRef<HTMLButtonElement>(null);
  const defaultsId = useId();
  const customId = useId();
  if (shell.status !== 'ready') return null;
  const canManage = shell.permissions.has('roles:manage');
  const canReadUsers = shell.permissions.has('users:read');

  const act = (next: Action) => {
    setAction(next);
    setOpen(true);
  };
  const returnFocus = (succeeded = false) => {
    if (!action) return null;
    if (action.kind === 'create') return createRef.current;
    if (action.kind === 'delete' && succeeded) return customHeadingRef.current;
    return document.getElementById(`${action.kind}-${action.role.id}`) ?? customHeadingRef.current;
  };

  const defaults = roles.data?.filter((role) => role.isSystem) ?? [];
  const custom = roles.data?.filter((role) => !role.isSystem) ?? [];
  const selected = action && action.kind !== 'create' ? action.role : undefined;

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t('rolesPage.title')}</h1>
      <p className="text-lg text-muted-foreground">{t('rolesPage.intro')}</p>
      {canReadUsers ? (
        <p>
          <Link
            href="/settings/team"
            className={cn('inline-flex min-h-11 items-center font-semibold underline underline-offset-4', focusRing)}
          >
            {t('rolesPage.teamLink')}
          </Link>
        </p>
      ) : null}
      {canManage ? null : (
        <FormAlert tone="info" title={t('rolesPage.readOnlyTitle')}>
          {t('rolesPage.readOnly')}
        </FormAlert>
      )}
      {roles.isPending ? (
        <LoadingRows label={t('roles.loading')} rows={5} height="h-24" />
      ) : !roles.data ? (
        <ProblemAlert error={roles.error} title={t('roles.failedTitle')} autoFocus={false} />
      ) : (
        <>
          <section aria-labelledby={customId} className="space-y-4">
            <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
              <h2
                id={customId}
                ref={customHeadingRef}
                tabIndex={-1}
                className="text-2xl font-semibold focus-visible:outline-none"
              >
                {t('rolesPage.customHeading')}
              </h2>
              {canManage ? (
                <Button ref={createRef} onClick={() => act({ kind: 'create' })}>
                  {t('rolesPage.create')}
                </Button>
              ) : null}
            </div>
            {custom.length === 0 ? (
              <EmptyState
                headingLevel={3}
                title={t('rolesPage.noCustomTitle')}
                description={canManage ? t('rolesPage.noCustomDescription') : t('rolesPage.noCustomReadOnly')}
              />
            ) : (
              <RoleList roles={custom} labelledBy={customId} canManage={canManage} onAct={act} />
            )}
          </section>
          <section aria-labelledby={defaultsId} className="space-y-4">
            <h2 id={defaultsId} className="text-2xl font-semibold">
              {t('rolesPage.defaultHeading')}
            </h2>
            <p className="text-muted-foreground">{t('roles.defaultReadOnly')}</p>
            <RoleList roles={defaults} labelledBy={defaultsId} canManage={canManage} onAct={act} />
          </section>
        </>
      )}
      <RoleDetailsDialog
        role={selected}
        open={open && action?.kind === 'view'}
        onOpenChange={setOpen}
        returnFocus={returnFocus}
      />
      <RoleEditorDialog
        role={selected}
        open={open && (action?.kind === 'edit' || action?.kind === 'create')}
        onOpenChange={setOpen}
        returnFocus={returnFocus}
      />
      {action?.kind === 'delete' ? (
        <ConfirmDialog
          open={open}
          onOpenChange={setOpen}
          title={t('rolesPage.deleteTitle', { name: action.role.name })}
          description={
            action.role.memberCount > 0
              ? t('rolesPage.deleteHeld', { name: action.role.name, count: action.role.memberCount })
              : t('rolesPage.deleteDescription', { name: action.role.name })
          }
          confirmLabel={t('rolesPage.deleteConfirm')}
          busyLabel={t('rolesPage.deleting')}
          danger
          onConfirm={() => deleteRole.mutateAsync(action.role.id)}
          onDone={() => toast({ title: t('rolesPage.deleted', { name: action.role.name }), variant: 'success' })}
          returnFocus={returnFocus}
        />
      ) : null}
    </>
  );
}

function RoleList({
  roles,
  labelledBy,
  canManage,
  onAct,
}: {
  roles: RoleView[];
  labelledBy: string;
  canManage: boolean;
  onAct: (action: Action) => void;
}) {
  const t = useTranslations('team');
  const roleText = useRoleText();
  return (
    <ul aria-labelledby={labelledBy} className="grid gap-3 lg:grid-cols-2">
      {roles.map((role) => {
        const editable = canManage && !role.isSystem;
        const name = roleText.name(role);
        return (
          <li key={role.id} className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
            <div className="space-y-1">
              <h3 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                <span>{name}</span>
                <Badge variant={role.isSystem ? 'neutral' : 'outline'}>
                  {role.isSystem ? t('roles.default') : t('roles.custom')}
                </Badge>
              </h3>
              <p className="text-muted-foreground">{roleText.description(role) || t('roles.noDescription')}</p>
              <p className="text-sm">
                {t('roles.summary', {
                  people: role.memberCount,
                  permissions: role.permissions.length,
                  scope: t(`scopes.${role.scope}.name`),
                })}
              </p>
            </div>
            <div className="mt-auto flex flex-wrap gap-2">
              {editable ? (
                <Button
                  variant="secondary"
                  size="sm"
                  id={`edit-${role.id}`}
                  aria-label={t('rolesPage.editName', { name })}
                  onClick={() => onAct({ kind: 'edit', role })}
                >
                  {t('rolesPage.edit')}
                </Button>
              ) : (
                <Button
                  variant="secondary"
                  size="sm"
                  id={`view-${role.id}`}
                  aria-label={t('rolesPage.viewName', { name })}
                  onClick={() => onAct({ kind: 'view', role })}
                >
                  {t('rolesPage.view')}
                </Button>
              )}
              {editable ? (
                <Button
                  variant="danger"
                  size="sm"
                  id={`delete-${role.id}`}
                  aria-label={t('rolesPage.deleteName', { name })}
                  onClick={() => onAct({ kind: 'delete', role })}
                >
                  {t('rolesPage.delete')}
                </Button>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
