'use client';

import { type Permission, ROLE_SCOPES, type RoleScope } from '@ontrack/schemas/permissions';
import type { RoleView } from '@ontrack/schemas/rbac';
import { Badge } from '@ontrack/ui/badge';
import { Button } from '@ontrack/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@ontrack/ui/dialog';
import { FormField } from '@ontrack/ui/form-field';
import { Input } from '@ontrack/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@ontrack/ui/select';
import { Textarea } from '@ontrack/ui/textarea';
import { toast } from '@ontrack/ui/toast-store';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useRef, useState } from 'react';
import { LoadingRows, ProblemAlert } from '../../data/components/problem-alert';
import { fieldError, fieldErrorsOf } from '../../data/problem-fields';
import { useShell } from '../../shell/shell-context';
import { useCreateRole, usePermissionCatalogue, useUpdateRole } from '../team-api';
import { PermissionChecklist, PermissionList } from './permissions';
import { useRoleText } from './team-ui';

interface DialogControl {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocus: () => HTMLElement | null | undefined;
}

/** A role as it is, read-only: default roles always, any role for someone without roles:manage. */
export function RoleDetailsDialog({ role, open, onOpenChange, returnFocus }: DialogControl & { role?: RoleView }) {
  const t = useTranslations('team');
  const roleText = useRoleText();
  const catalogue = usePermissionCatalogue(open);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        closeLabel={t('common.close')}
        className="md:max-w-2xl"
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus()?.focus();
        }}
      >
        {role ? (
          <>
            <DialogHeader>
              <DialogTitle>{roleText.name(role)}</DialogTitle>
              <DialogDescription>{roleText.description(role) || t('roles.noDescription')}</DialogDescription>
            </DialogHeader>
            <div className="flex flex-wrap gap-2">
              <Badge variant={role.isSystem ? 'neutral' : 'outline'}>
                {role.isSystem ? t('roles.default') : t('roles.custom')}
              </Badge>
              <Badge variant="outline">{t(`scopes.${role.scope}.name`)}</Badge>
              <Badge variant="outline">{t('roles.holders', { count: role.memberCount })}</Badge>
            </div>
            <p className="text-sm text-muted-foreground">{t(`scopes.${role.scope}.description`)}</p>
            {role.isSystem ? <p className="text-sm">{t('roles.defaultReadOnly')}</p> : null}
            <h3 className="text-lg font-semibold">{t('roles.permissionsHeading')}</h3>
            {catalogue.isPending ? (
              <LoadingRows label={t('roles.loadingPermissions')} rows={3} height="h-8" />
            ) : !catalogue.data ? (
              <ProblemAlert error={catalogue.error} autoFocus={false} />
            ) : (
              <PermissionList catalogue={catalogue.data} granted={role.permissions} headingLevel={4} />
            )}
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary">{t('common.close')}</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

/** Creates a custom role (no `role`) or changes one. */
export function RoleEditorDialog({ role, open, onOpenChange, returnFocus }: DialogControl & { role?: RoleView }) {
  const t = useTranslations('team');
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        closeLabel={t('common.close')}
        className="md:max-w-2xl"
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus()?.focus();
        }}
      >
        {open ? <RoleForm role={role} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function RoleForm({ role, onDone }: { role?: RoleView; onDone: () => void }) {
  const t = useTranslations('team');
  const shell = useShell();
  const held = shell.status === 'ready' ? shell.permissions : new Set<Permission>();
  const catalogue = usePermissionCatalogue();
  const create = useCreateRole();
  const update = useUpdateRole();
  const saving = role ? update : create;
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [scope, setScope] = useState<RoleScope>(role?.scope ?? 'tenant');
  const [permissions, setPermissions] = useState<Permission[]>(role?.permissions ?? []);
  const [local, setLocal] = useState<Record<string, string>>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const permissionsRef = useRef<HTMLDivElement>(null);
  const permissionsId = useId();
  const server = fieldErrorsOf(saving.error);
  const errors: Record<string, string | undefined> = {
    name: local.name ?? fieldError(server, 'name'),
    description: fieldError(server, 'description'),
    scope: fieldError(server, 'scope'),
    permissions: local.permissions ?? fieldError(server, 'permissions'),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const trimmed = name.trim();
    if (trimmed.length < 2 || trimmed.length > 60 || !/[\p{L}\p{N}]/u.test(trimmed))
      found.name = t('roleEditor.nameInvalid');
    if (permissions.length === 0) found.permissions = t('roleEditor.permissionsRequired');
    setLocal(found);
    if (found.name) return nameRef.current?.focus();
    if (found.permissions) return permissionsRef.current?.querySelector<HTMLElement>('button:not([disabled])')?.focus();

    const body = { name: trimmed, description: description.trim(), scope, permissions };
    try {
      if (role) await update.mutateAsync({ id: role.id, patch: body });
      else await create.mutateAsync(body);
    } catch {
      return; // shown by ProblemAlert and next to the fields
    }
    toast({
      title: role ? t('roleEditor.saved', { name: trimmed }) : t('roleEditor.created', { name: trimmed }),
      variant: 'success',
    });
    onDone();
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{role ? t('roleEditor.editTitle', { name: role.name }) : t('roleEditor.createTitle')}</DialogTitle>
        <DialogDescription>{t('roleEditor.description')}</DialogDescription>
      </DialogHeader>
      <ProblemAlert error={saving.error} />
      <FormField label={t('roleEditor.name')} hint={t('roleEditor.nameHint')} error={errors.name} required>
        <Input
          ref={nameRef}
          value={name}
          maxLength={60}
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
        />
      </FormField>
      <FormField label={t('roleEditor.descriptionLabel')} error={errors.description}>
        <Textarea
          value={description}
          maxLength={500}
          rows={2}
          onChange={(event) => setDescription(event.target.value)}
        />
      </FormField>
      <FormField label={t('roleEditor.scope')} hint={t(`scopes.${scope}.description`)} error={errors.scope} required>
        {(control) => (
          <Select value={scope} onValueChange={(value) => setScope(value as RoleScope)}>
            <SelectTrigger {...control}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {ROLE_SCOPES.map((option) => (
                <SelectItem key={option} value={option}>
                  {t(`scopes.${option}.name`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        )}
      </FormField>
      <div ref={permissionsRef} className="space-y-2">
        <h3 className="font-semibold">
          {t('roleEditor.permissions')}
          <span aria-hidden="true" className="ms-0.5 text-danger">
            *
          </span>
        </h3>
        <p id={`${permissionsId}-hint`} className="text-sm text-muted-foreground">
          {t('roleEditor.permissionsHint', { count: permissions.length })}
        </p>
        {errors.permissions ? (
          <p id={`${permissionsId}-error`} className="text-sm font-medium text-danger">
            {errors.permissions}
          </p>
        ) : null}
        {catalogue.isPending ? (
          <LoadingRows label={t('roles.loadingPermissions')} rows={4} height="h-11" />
        ) : !catalogue.data ? (
          <ProblemAlert error={catalogue.error} autoFocus={false} />
        ) : (
          <PermissionChecklist
            catalogue={catalogue.data}
            chosen={permissions}
            onChange={(next) => {
              setPermissions(next);
              setLocal(({ permissions: _done, ...rest }) => rest);
            }}
            held={held}
            initial={role?.permissions ?? []}
            describedBy={errors.permissions ? `${permissionsId}-error` : undefined}
          />
        )}
      </div>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">{t('common.cancel')}</Button>
        </DialogClose>
        <Button type="submit" disabled={saving.isPending || !catalogue.data}>
          {saving.isPending ? t('common.saving') : role ? t('roleEditor.save') : t('roleEditor.create')}
        </Button>
      </DialogFooter>
    </form>
  );
}
