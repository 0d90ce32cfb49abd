'use client';

import type { InvitationView } from '@ontrack/schemas/auth';
import { Button } from '@ontrack/ui/button';
import { EmptyState } from '@ontrack/ui/empty-state';
import { toast } from '@ontrack/ui/toast-store';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { ConfirmDialog } from '../../data/components/confirm-dialog';
import { LoadingRows, ProblemAlert } from '../../data/components/problem-alert';
import { useInvitations, useRevokeInvitation, useRoles } from '../team-api';
import { InviteDialog } from './invite-dialog';
import { useRoleText } from './team-ui';

/** Invitations not yet accepted: who, with which role, until when; inviters may withdraw them. */
export function InvitationsSection({ canInvite, canReadRoles }: { canInvite: boolean; canReadRoles: boolean }) {
  const t = useTranslations('team.invitations');
  const format = useFormatter();
  const invitations = useInvitations();
  // Only to show default roles in the page's language; the invitation names its role anyway.
  const roles = useRoles(canReadRoles);
  const roleText = useRoleText();
  const revoke = useRevokeInvitation();
  const [target, setTarget] = useState<InvitationView>();
  const [open, setOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  const roleName = (invitation: InvitationView) => {
    const role = roles.data?.find((candidate) => candidate.id === invitation.roleId);
    return role ? roleText.name(role) : invitation.roleName;
  };

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-2xl font-semibold focus-visible:outline-none">
          {t('heading')}
        </h2>
        {canInvite ? <InviteDialog /> : null}
      </div>
      {invitations.isPending ? (
        <LoadingRows label={t('loading')} rows={2} />
      ) : !invitations.data ? (
        <ProblemAlert error={invitations.error} title={t('failedTitle')} autoFocus={false} />
      ) : invitations.data.length === 0 ? (
        <EmptyState
          headingLevel={3}
          title={t('emptyTitle')}
          description={canInvite ? t('emptyDescription') : t('emptyDescriptionReadOnly')}
        />
      ) : (
        <ul aria-labelledby={headingId} className="space-y-3">
          {invitations.data.map((invitation) => (
            <li
              key={invitation.id}
              className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0 space-y-1">
                <p className="break-all font-semibold">{invitation.email}</p>
                <p className="text-sm text-muted-foreground">
                  {t('details', {
                    role: roleName(invitation),
                    expires: format.dateTime(new Date(invitation.expiresAt), { dateStyle: 'medium' }),
                    relative: format.relativeTime(new Date(invitation.expiresAt)),
                  })}
                </p>
              </div>
              {canInvite ? (
                <Button
                  variant="secondary"
                  id={`revoke-${invitation.id}`}
                  aria-label={t('revokeFor', { email: invitation.email })}
                  onClick={() => {
                    setTarget(invitation);
                    setOpen(true);
                  }}
                >
                  {t('revoke')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {target ? (
        <ConfirmDialog
          open={open}
          onOpenChange={setOpen}
          title={t('revokeTitle', { email: target.email })}
          description={t('revokeDescription', { email: target.email })}
          confirmLabel={t('revokeConfirm')}
          busyLabel={t('revoking')}
          danger
          onConfirm={() => revoke.mutateAsync(target.id)}
          onDone={() => toast({ title: t('revoked', { email: target.email }), variant: 'success' })}
          returnFocus={(succeeded) => (succeeded ? headingRef.current : document.getElementById(`revoke-${target.id}`))}
        />
      ) : null}
    </section>
  );
}
