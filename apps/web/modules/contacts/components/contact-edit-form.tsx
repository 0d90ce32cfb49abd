'use client';

import type { ContactView } from '@ontrack/schemas/contacts';
import { Button } from '@ontrack/ui/button';
import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import { problemOf } from '../../data/api-client';
import { ProblemAlert } from '../../data/components/problem-alert';
import { isStale } from '../../data/problem-fields';
import { CONTACT_FIELD_ORDER, checkDraft, draftOf, fieldErrorsByFormField, updatePatch } from '../contact-form';
import { useUpdateContact } from '../contact-write-api';
import { ContactFields, contactFieldId } from './contact-fields';

const ID_PREFIX = 'edit-contact';

/**
 * The contact's edit form, in place of its details. The change is based on the version the form opened with
 * (If-Match): when someone else saved the contact meanwhile the API answers 412, and the form says so and
 * offers to load their version (the fields then show it, and the change is made again on top of it).
 * Loaded on demand (next/dynamic).
 */
export default function ContactEditForm({
  contact,
  onReload,
  onDone,
}: {
  contact: ContactView;
  /** Reads the contact again; resolves with the query's result. */
  onReload: () => Promise<{ data?: ContactView | undefined }>;
  onDone: (saved: boolean) => void;
}) {
  const t = useTranslations('contacts');
  const update = useUpdateContact();
  // What the form is based on: not the live query data, which a background refetch may replace.
  const [base, setBase] = useState(contact);
  const [draft, setDraft] = useState(() => draftOf(contact));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [reloading, setReloading] = useState(false);
  const staleRef = useRef<HTMLDivElement>(null);
  const firstRef = useRef(true);

  const stale = isStale(update.error);
  const server = update.error && !stale ? fieldErrorsByFormField(problemOf(update.error).fieldErrors) : {};
  const errors = { ...server, ...local };
  const showAlert = update.isError && !stale && Object.keys(server).length === 0;

  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);
  useEffect(() => {
    // The form replaces the details: focus its first field so typing can start at once.
    if (firstRef.current) document.getElementById(contactFieldId(ID_PREFIX, 'displayName'))?.focus();
    firstRef.current = false;
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkDraft(draft);
    const messages = Object.fromEntries(
      Object.entries(found).map(([field, code]) => [field, t(`form.errors.${code}`)]),
    );
    setLocal(messages);
    const first = CONTACT_FIELD_ORDER.find((field) => field in messages);
    if (first) {
      update.reset();
      document.getElementById(contactFieldId(ID_PREFIX, first))?.focus();
      return;
    }
    const patch = updatePatch(base, draft);
    if (!patch) return onDone(false);
    try {
      await update.mutateAsync({ id: base.id, version: base.version, patch });
    } catch (error) {
      const fields = fieldErrorsByFormField(problemOf(error).fieldErrors);
      const refused = CONTACT_FIELD_ORDER.find((field) => field in fields);
      if (refused) document.getElementById(contactFieldId(ID_PREFIX, refused))?.focus();
      return;
    }
    onDone(true);
  }

  async function reload() {
    setReloading(true);
    const result = await onReload();
    setReloading(false);
    if (!result.data) return;
    setBase(result.data);
    setDraft(draftOf(result.data));
    setLocal({});
    update.reset();
    document.getElementById(contactFieldId(ID_PREFIX, 'displayName'))?.focus();
  }

  return (
    <section aria-labelledby="edit-contact-heading" className="space-y-4">
      <h2 id="edit-contact-heading" className="text-2xl font-semibold">
        {t('edit.title')}
      </h2>
      {stale ? (
        <FormAlert alertRef={staleRef} title={t('edit.staleTitle')}>
          <p>{t('edit.stale')}</p>
          <Button variant="secondary" className="mt-3" onClick={reload} disabled={reloading}>
            {reloading ? t('edit.reloading') : t('edit.reload')}
          </Button>
        </FormAlert>
      ) : null}
      {showAlert ? <ProblemAlert error={update.error} title={t('edit.failedTitle')} /> : null}
      <form noValidate onSubmit={submit} className="max-w-3xl space-y-6">
        <fieldset disabled={update.isPending || reloading} className="min-w-0">
          <legend className="sr-only">{t('edit.title')}</legend>
          <ContactFields idPrefix={ID_PREFIX} draft={draft} setDraft={setDraft} errors={errors} creating={false} />
        </fieldset>
        <div className="flex flex-col-reverse gap-3 sm:flex-row">
          <Button variant="secondary" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={update.isPending || reloading || stale}>
            {update.isPending ? t('edit.saving') : t('edit.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
