'use client';

import type { ContactView } from '@ontrack/schemas/contacts';
import { Badge } from '@ontrack/ui/badge';
import { Button, buttonClassName } from '@ontrack/ui/button';
import { Skeleton } from '@ontrack/ui/skeleton';
import { toast } from '@ontrack/ui/toast-store';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import { problemOf } from '../../data/api-client';
import { ProblemAlert } from '../../data/components/problem-alert';
import { RequirePermission } from '../../shell/components/require-permission';
import { useShell } from '../../shell/shell-context';
import { ContactDetails } from '../components/contact-details';
import { ContactLeadsSection } from '../components/contact-leads-section';
import { Tags } from '../components/contact-list-items';
import { ContactTimeline } from '../components/contact-timeline';
import { DuplicateWarning } from '../components/duplicate-warning';
import { ConfirmDialog, ContactEditForm, preload, useLazyDialog } from '../components/lazy-dialogs';
import { PropertiesSection } from '../components/properties-section';
import { useContact, useDeleteContact, useRestoreContact } from '../contacts-api';

/** One contact (`contacts:read`): details, properties, leads and what happened to it. */
export function ContactDetailView({ id }: { id: string }) {
  const t = useTranslations('contacts');
  return (
    <RequirePermission anyOf={['contacts:read']} title={t('detail.title')}>
      <ContactDetail id={id} />
    </RequirePermission>
  );
}

function ContactDetail({ id }: { id: string }) {
  const t = useTranslations('contacts');
  const contact = useContact(id);

  if (contact.isPending) {
    return (
      <div aria-busy="true" className="space-y-4">
        <p role="status" className="sr-only">
          {t('detail.loading')}
        </p>
        <Skeleton className="h-10 w-2/3" />
        <Skeleton className="h-6 w-1/3" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  if (!contact.data) {
    const status = problemOf(contact.error).status;
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight">{t('detail.title')}</h1>
        <ProblemAlert
          error={contact.error}
          title={status === 404 ? t('detail.notFoundTitle') : t('detail.failedTitle')}
          autoFocus={false}
        >
          {status === 404 ? null : (
            <Button variant="secondary" onClick={() => contact.refetch()}>
              {t('common.retry')}
            </Button>
          )}
          <Link href="/contacts" className={buttonClassName({ variant: 'secondary' })}>
            {t('detail.back')}
          </Link>
        </ProblemAlert>
      </>
    );
  }
  return <ContactPage contact={contact.data} onReload={() => contact.refetch()} />;
}

function ContactPage({
  contact,
  onReload,
}: {
  contact: ContactView;
  onReload: () => Promise<{ data?: ContactView | undefined }>;
}) {
  const t = useTranslations('contacts');
  const shell = useShell();
  const permissions = shell.status === 'ready' ? shell.permissions : new Set<string>();
  const canWrite = permissions.has('contacts:write');
  const inTrash = contact.deletedAt !== null;
  const [editing, setEditing] = useState(false);
  // The edit button comes back with the details when the form closes: focus goes back to it then.
  const refocusEdit = useRef(false);
  useEffect(() => {
    if (editing || !refocusEdit.current) return;
    refocusEdit.current = false;
    editRef.current?.focus();
  }, [editing]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const remove = useLazyDialog();
  const deleteContact = useDeleteContact();
  const restore = useRestoreContact();

  async function restoreContact() {
    try {
      await restore.mutateAsync({ id: contact.id, version: contact.version });
    } catch {
      return; // shown below the trash notice
    }
    toast({ title: t('restored', { name: contact.displayName }), variant: 'success' });
    headingRef.current?.focus();
  }

  return (
    <div className="space-y-8">
      <p>
        <Link href="/contacts" className="inline-flex min-h-11 items-center font-semibold underline underline-offset-4">
          {t('detail.back')}
        </Link>
      </p>
      <header className="space-y-3">
        <h1
          ref={headingRef}
          tabIndex={-1}
          className="break-words text-3xl font-bold tracking-tight focus-visible:outline-none"
        >
          {contact.displayName}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant="neutral">{t(`form.kinds.${contact.kind}`)}</Badge>
          {inTrash ? <Badge variant="warning">{t('detail.inTrashBadge')}</Badge> : null}
          {contact.companyName ? <span className="text-muted-foreground">{contact.companyName}</span> : null}
        </div>
        <Tags tags={contact.tags} name={contact.displayName} />
        {canWrite && !inTrash && !editing ? (
          <div className="flex flex-wrap gap-3 pt-2">
            <Button ref={editRef} onClick={() => setEditing(true)} onPointerEnter={preload.edit} onFocus={preload.edit}>
              {t('edit.open')}
            </Button>
            <Button
              variant="danger"
              ref={remove.triggerRef}
              onClick={remove.show}
              onPointerEnter={preload.confirm}
              onFocus={preload.confirm}
            >
              {t('delete.open')}
            </Button>
          </div>
        ) : null}
      </header>
      <DuplicateWarning contactId={contact.id} />
      {inTrash ? (
        <FormAlert tone="info" title={t('detail.inTrashTitle')}>
          <p>{canWrite ? t('detail.inTrash') : t('detail.inTrashReadOnly')}</p>
          {canWrite ? (
            <Button className="mt-3" onClick={restoreContact} disabled={restore.isPending}>
              {restore.isPending ? t('detail.restoring') : t('detail.restore')}
            </Button>
          ) : null}
        </FormAlert>
      ) : null}
      {restore.isError ? <ProblemAlert error={restore.error} title={t('detail.restoreFailed')} /> : null}
      {editing ? (
        <ContactEditForm
          contact={contact}
          onReload={onReload}
          onDone={(saved: boolean) => {
            refocusEdit.current = true;
            setEditing(false);
            if (saved) toast({ title: t('edit.saved'), variant: 'success' });
          }}
        />
      ) : (
        <ContactDetails contact={contact} />
      )}
      <PropertiesSection contact={contact} />
      <ContactLeadsSection contactId={contact.id} />
      <ContactTimeline contactId={contact.id} />
      {remove.mounted ? (
        <ConfirmDialog
          key={remove.key}
          open={remove.open}
          onOpenChange={remove.onOpenChange}
          title={t('delete.title', { name: contact.displayName })}
          description={t('delete.description')}
          confirmLabel={t('delete.confirm')}
          busyLabel={t('delete.deleting')}
          danger
          onConfirm={() => deleteContact.mutateAsync({ id: contact.id, version: contact.version })}
          onDone={() => toast({ title: t('delete.done', { name: contact.displayName }), variant: 'success' })}
          returnFocus={(succeeded) => (succeeded ? headingRef.current : remove.triggerRef.current)}
        />
      ) : null}
    </div>
  );
}
