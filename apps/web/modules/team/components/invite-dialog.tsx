'use client';

import { Button } from '@ontrack/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@ontrack/ui/dialog';
import { FormField } from '@ontrack/ui/form-field';
import { Input } from '@ontrack/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@ontrack/ui/select';
import { toast } from '@ontrack/ui/toast-store';
import { useTranslations } from 'next-intl';
import { type FormEvent, useRef, useState } from 'react';
import { LoadingRows, ProblemAlert } from '../../data/components/problem-alert';
import { fieldErrorsOf } from '../../data/problem-fields';
import { useShell } from '../../shell/shell-context';
import { canGrant } from '../permission-areas';
import { useInvite, useRoles } from '../team-api';
import { useRoleText } from './team-ui';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Invites someone by email with one of the business's roles. A client role also needs the contact whose
 * portal they will see: until contacts have their own pages, the contact's id is typed here.
 */
export function InviteDialog() {
  const t = useTranslations('team');
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>{t('invite.open')}</Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')}>
        <InviteForm onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function InviteForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations('team');
  const shell = useShell();
  const held = shell.status === 'ready' ? shell.permissions : new Set<string>();
  const roles = useRoles();
  const invite = useInvite();
  const roleText = useRoleText();
  const [email, setEmail] = useState('');
  const [roleId, setRoleId] = useState('');
  const [contactId, setContactId] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const roleRef = useRef<HTMLButtonElement>(null);
  const contactRef = useRef<HTMLInputElement>(null);

  const grantable = (roles.data ?? []).filter((role) => canGrant(role, held));
  const hidden = (roles.data?.length ?? 0) - grantable.length;
  const role = grantable.find((candidate) => candidate.id === roleId);
  const needsContact = role?.scope === 'own_contact';
  const server = fieldErrorsOf(invite.error);
  const errors = { ...server, ...local };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const address = email.trim();
    if (!address) found.email = t('invite.emailRequired');
    else if (!EMAIL.test(address)) found.email = t('invite.emailInvalid');
    if (!role) found.roleId = t('invite.roleRequired');
    if (needsContact && !contactId.trim()) found.contactId = t('invite.contactRequired');
    setLocal(found);
    if (Object.keys(found).length > 0) {
      invite.reset();
      if (found.email) emailRef.current?.focus();
      else if (found.roleId) roleRef.current?.focus();
      else contactRef.current?.focus();
      return;
    }
    try {
      await invite.mutateAsync({
        email: address,
        roleId,
        ...(needsContact ? { contactId: contactId.trim() } : {}),
      });
    } catch {
      return; // shown by ProblemAlert and next to the fields
    }
    toast({ title: t('invite.sent', { email: address }), variant: 'success' });
    onDone();
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{t('invite.title')}</DialogTitle>
        <DialogDescription>{t('invite.description')}</DialogDescription>
      </DialogHeader>
      <ProblemAlert error={invite.error} />
      <FormField label={t('invite.email')} error={errors.email} required>
        <Input
          ref={emailRef}
          type="email"
          autoComplete="off"
          inputMode="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </FormField>
      {roles.isPending ? (
        <LoadingRows label={t('roles.loading')} rows={1} height="h-11" />
      ) : !roles.data ? (
        <ProblemAlert error={roles.error} autoFocus={false} />
      ) : (
        <FormField
          label={t('invite.role')}
          error={errors.roleId}
          hint={hidden > 0 ? t('invite.someRolesHidden') : undefined}
          required
        >
          {(control) => (
            <Select
              value={roleId}
              onValueChange={(value) => {
                setRoleId(value);
                setLocal(({ roleId: _done, ...rest }) => rest);
              }}
            >
              <SelectTrigger ref={roleRef} {...control}>
                <SelectValue placeholder={t('invite.rolePlaceholder')} />
              </SelectTrigger>
              <SelectContent>
                {grantable.map((option) => (
                  <SelectItem key={option.id} value={option.id}>
                    {roleText.name(option)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        </FormField>
      )}
      {role ? <p className="text-sm text-muted-foreground">{roleText.description(role)}</p> : null}
      {needsContact ? (
        <FormField label={t('invite.contact')} hint={t('invite.contactHint')} error={errors.contactId} required>
          <Input
            ref={contactRef}
            autoComplete="off"
            spellCheck={false}
            value={contactId}
            onChange={(event) => setContactId(event.target.value)}
          />
        </FormField>
      ) : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">{t('common.cancel')}</Button>
        </DialogClose>
        <Button type="submit" disabled={invite.isPending}>
          {invite.isPending ? t('invite.sending') : t('invite.send')}
        </Button>
      </DialogFooter>
    </form>
  );
}
