'use client';

import { cn, focusRing } from '@ontrack/ui/class-names';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { FormAlert } from '../../auth/components/form-alert';
import { RequirePermission } from '../../shell/components/require-permission';
import { useShell } from '../../shell/shell-context';
import { InvitationsSection } from '../components/invitations-section';
import { MembersSection } from '../components/members-section';

/** The people of the business, their roles and status, and the invitations still open. */
export function TeamView() {
  const t = useTranslations('team.page');
  return (
    <RequirePermission anyOf={['users:read']} title={t('title')}>
      <TeamContent />
    </RequirePermission>
  );
}

function TeamContent() {
  const t = useTranslations('team.page');
  const shell = useShell();
  if (shell.status !== 'ready') return null;
  const { permissions, user } = shell;
  const canManage = permissions.has('users:manage');
  const canInvite = permissions.has('users:invite');
  const canReadRoles = permissions.has('roles:read');

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="text-lg text-muted-foreground">{t('intro')}</p>
      {canReadRoles ? (
        <p>
          <Link
            href="/settings/roles"
            className={cn('inline-flex min-h-11 items-center font-semibold underline underline-offset-4', focusRing)}
          >
            {t('rolesLink')}
          </Link>
        </p>
      ) : null}
      {canManage ? null : (
        <FormAlert tone="info" title={t('readOnlyTitle')}>
          {canInvite ? t('readOnlyInvite') : t('readOnly')}
        </FormAlert>
      )}
      <MembersSection selfId={user.id} canManage={canManage} />
      <InvitationsSection canInvite={canInvite} canReadRoles={canReadRoles} />
    </>
  );
}
