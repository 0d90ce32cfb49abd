'use client';

import type { MemberView, RoleView } from '@ontrack/schemas/rbac';
import { Badge } from '@ontrack/ui/badge';
import { Button } from '@ontrack/ui/button';
import { Checkbox } from '@ontrack/ui/checkbox';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@ontrack/ui/dialog';
import { toast } from '@ontrack/ui/toast-store';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useRef, useState } from 'react';
import { LoadingRows, ProblemAlert } from '../../data/components/problem-alert';
import { fieldError, fieldErrorsOf } from '../../data/problem-fields';
import { sameIds, toggleRole } from '../members';
import { useRoles, useUpdateMember } from '../team-api';
import { useRoleText } from './team-ui';

/** Replaces a member's roles with the ones ticked; the API refuses escalation and losing the last admin. */
export function MemberRolesDialog({
  member,
  isSelf,
  open,
  onOpenChange,
  returnFocus,
}: {
  member: MemberView | undefined;
  isSelf: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocus: () => HTMLElement | null | undefined;
}) {
  const t = useTranslations('team');
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        closeLabel={t('common.close')}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus()?.focus();
        }}
      >
        {member ? <RolesForm member={member} isSelf={isSelf} onSaved={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function RolesForm({ member, isSelf, onSaved }: { member: MemberView; isSelf: boolean; onSaved: () => void }) {
  const t = useTranslations('team');
  const roles = useRoles();
  const update = useUpdateMember();
  const roleText = useRoleText();
  const initial = member.roles.map((role) => role.id);
  const [selected, setSelected] = useState<string[]>(initial);
  const [missing, setMissing] = useState(false);
  const groupId = useId();
  const errorId = `${groupId}-error`;
  const hintId = `${groupId}-hint`;
  const firstBox = useRef<HTMLButtonElement>(null);
  const name = member.name || member.email;
  const all = (roles.data ?? []).map((role) => role.id);
  const serverError = fieldError(fieldErrorsOf(update.error), 'roleIds');
  const error = missing ? t('memberRoles.required') : serverError;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (selected.length === 0) {
      setMissing(true);
      firstBox.current?.focus();
      return;
    }
    if (sameIds(selected, initial)) return onSaved();
    try {
      await update.mutateAsync({ userId: member.userId, patch: { roleIds: selected } });
    } catch {
      return; // shown by ProblemAlert
    }
    toast({ title: t('memberRoles.saved', { name }), variant: 'success' });
    onSaved();
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{t('memberRoles.title', { name })}</DialogTitle>
        <DialogDescription>{t('memberRoles.description')}</DialogDescription>
      </DialogHeader>
      <ProblemAlert error={update.error} />
      {roles.isPending ? (
        <LoadingRows label={t('roles.loading')} rows={4} height="h-11" />
      ) : !roles.data ? (
        <ProblemAlert error={roles.error} autoFocus={false} />
      ) : (
        <fieldset
          aria-describedby={[isSelf ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined}
        >
          <legend className="font-semibold">{t('memberRoles.legend')}</legend>
          {isSelf ? (
            <p id={hintId} className="mt-1 text-sm text-muted-foreground">
              {t('memberRoles.selfHint')}
            </p>
          ) : null}
          {error ? (
            <p id={errorId} className="mt-2 text-sm font-medium text-danger">
              {error}
            </p>
          ) : null}
          <ul className="mt-2 space-y-1">
            {(roles.data ?? []).map((role: RoleView, index) => {
              const id = `${groupId}-${role.id}`;
              return (
                <li key={role.id} className="flex min-h-11 items-start gap-3">
                  <Checkbox
                    id={id}
                    ref={index === 0 ? firstBox : undefined}
                    className="mt-2.5"
                    checked={selected.includes(role.id)}
                    aria-invalid={error ? true : undefined}
                    onCheckedChange={(checked) => {
                      setMissing(false);
                      setSelected(toggleRole(selected, role.id, checked === true, all));
                    }}
                  />
                  <label htmlFor={id} className="flex-1 py-2">
                    <span className="flex flex-wrap items-center gap-2 font-medium">
                      {roleText.name(role)}
                      {role.isSystem ? null : <Badge variant="outline">{t('roles.custom')}</Badge>}
                    </span>
                    {roleText.description(role) ? (
                      <span className="block text-sm text-muted-foreground">{roleText.description(role)}</span>
                    ) : null}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">{t('common.cancel')}</Button>
        </DialogClose>
        <Button type="submit" disabled={update.isPending || !roles.data}>
          {update.isPending ? t('common.saving') : t('memberRoles.save')}
        </Button>
      </DialogFooter>
    </form>
  );
}
