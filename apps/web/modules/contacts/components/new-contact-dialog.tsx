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
} from '@ontrack/ui/dialog';
import { toast } from '@ontrack/ui/toast-store';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { problemOf } from '../../data/api-client';
import { ProblemAlert } from '../../data/components/problem-alert';
import { newIdempotencyKey } from '../../data/problem-fields';
import { CONTACT_FIELD_ORDER, checkDraft, createBody, emptyDraft, fieldErrorsByFormField } from '../contact-form';
import { useCreateContact } from '../contact-write-api';
import { ContactFields, contactFieldId } from './contact-fields';

const ID_PREFIX = 'new-contact';

/**
 * "New contact": the form in a dialog; on success the new contact's page opens, with the API's warning about
 * contacts that share its email or phone. Loaded on demand (next/dynamic) when someone opens it.
 */
export default function NewContactDialog({
  open,
  onOpenChange,
  onCloseFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes back to when the dialog closes without creating anything. */
  onCloseFocus: () => void;
}) {
  const t = useTranslations('contacts');
  const router = useRouter();
  const create = useCreateContact();
  const [draft, setDraft] = useState(emptyDraft);
  const [local, setLocal] = useState<Record<string, string>>({});
  // One key per intended contact: a doubled submit or a retry after a lost answer creates it once.
  const [key] = useState(newIdempotencyKey);
  const [created, setCreated] = useState(false);

  const server = create.error ? fieldErrorsByFormField(problemOf(create.error).fieldErrors) : {};
  const errors = { ...server, ...local };
  // Field errors are shown under their fields; the alert says what the fields cannot.
  const showAlert = create.isError && Object.keys(server).length === 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkDraft(draft);
    const messages = Object.fromEntries(
      Object.entries(found).map(([field, code]) => [field, t(`form.errors.${code}`)]),
    );
    setLocal(messages);
    const first = CONTACT_FIELD_ORDER.find((field) => field in messages);
    if (first) {
      create.reset();
      document.getElementById(contactFieldId(ID_PREFIX, first))?.focus();
      return;
    }
    let result: Awaited<ReturnType<typeof create.mutateAsync>>;
    try {
      result = await create.mutateAsync({ body: createBody(draft), key });
    } catch (error) {
      const fields = fieldErrorsByFormField(problemOf(error).fieldErrors);
      const firstRefused = CONTACT_FIELD_ORDER.find((field) => field in fields);
      if (firstRefused) document.getElementById(contactFieldId(ID_PREFIX, firstRefused))?.focus();
      return;
    }
    setCreated(true);
    toast({ title: t('create.created', { name: result.contact.displayName }), variant: 'success' });
    onOpenChange(false);
    router.push(`/contacts/${result.contact.id}`);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        closeLabel={t('common.close')}
        className="max-w-2xl"
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          if (!created) onCloseFocus();
        }}
      >
        <form noValidate onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t('create.title')}</DialogTitle>
            <DialogDescription>{t('create.description')}</DialogDescription>
          </DialogHeader>
          {showAlert ? <ProblemAlert error={create.error} title={t('create.failedTitle')} /> : null}
          <fieldset disabled={create.isPending} className="min-w-0">
            <legend className="sr-only">{t('create.title')}</legend>
            <ContactFields idPrefix={ID_PREFIX} draft={draft} setDraft={setDraft} errors={errors} creating />
          </fieldset>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">{t('common.cancel')}</Button>
            </DialogClose>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? t('create.saving') : t('create.save')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
