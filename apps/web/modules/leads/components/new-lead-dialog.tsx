'use client';

import type { CreateLead } from '@ontrack/schemas/leads';
import { Button } from '@ontrack/ui/button';
import type { ComboboxOption } from '@ontrack/ui/combobox';
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
import { toast } from '@ontrack/ui/toast-store';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useRef, useState } from 'react';
import { ProblemAlert } from '../../data/components/problem-alert';
import { fieldErrorsOf, newIdempotencyKey } from '../../data/problem-fields';
import { type DraftProblems, draftFieldOf, emptyLeadDraft, type LeadDraft, readLeadDraft } from '../lead-draft';
import { type Member, useBusinessCurrency, useCreateLead } from '../leads-api';
import { ContactPicker } from './contact-picker';
import { LeadFields } from './lead-fields';

/**
 * "New lead": for whom (a contact found by search), what they asked for, and the rest. It lands in the
 * pipeline's first stage. One Idempotency-Key per submission of the same answers: a retry after a lost
 * response cannot add the lead twice, and changed answers are a new request.
 */
export function NewLeadDialog({ onClose, members }: { onClose: () => void; members: readonly Member[] | undefined }) {
  const t = useTranslations('leads.newLead');
  const tc = useTranslations('leads.common');
  const locale = useLocale();
  const currency = useBusinessCurrency();
  const create = useCreateLead();
  const [contact, setContact] = useState<ComboboxOption | null>(null);
  const [draft, setDraft] = useState<LeadDraft>(emptyLeadDraft());
  const [dateInvalid, setDateInvalid] = useState(false);
  const [problems, setProblems] = useState<DraftProblems & { contactId?: 'required' }>({});
  const submission = useRef<{ key: string; body: string }>(undefined);
  const formRef = useRef<HTMLFormElement>(null);

  const server: Partial<Record<string, string>> = {};
  for (const [field, detail] of Object.entries(fieldErrorsOf(create.error))) {
    const mapped = draftFieldOf(field);
    if (mapped && !(mapped in server)) server[mapped] = detail;
  }
  const unmapped = create.error && Object.keys(server).length === 0 ? create.error : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const read = readLeadDraft(draft, { currency, locale, dateInvalid });
    const found: typeof problems = read.ok ? {} : { ...read.problems };
    if (!contact) found.contactId = 'required';
    setProblems(found);
    if (!read.ok || !contact) {
      create.reset();
      // The first field that needs attention, in the order they are shown, once they are marked.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const body: CreateLead = { contactId: contact.value, propertyId: null, ...read.fields };
    const serialized = JSON.stringify(body);
    if (submission.current?.body !== serialized) submission.current = { key: newIdempotencyKey(), body: serialized };
    try {
      const lead = await create.mutateAsync({ body, idempotencyKey: submission.current.key });
      toast({ title: t('created', { lead: lead.contact.displayName }), variant: 'success' });
      onClose();
    } catch {
      // Shown beside the fields, or above them when it is about the whole request.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  }

  return (
    <Dialog defaultOpen onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        closeLabel={tc('close')}
        className="sm:max-w-xl"
        onCloseAutoFocus={(event) => event.preventDefault()}
      >
        <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t('title')}</DialogTitle>
            <DialogDescription>{t('description')}</DialogDescription>
          </DialogHeader>
          <ProblemAlert error={unmapped} />
          <FormField
            label={t('contact')}
            hint={t('contactHint')}
            error={problems.contactId ? t('contactMissing') : server.contactId}
            required
          >
            {(control) => (
              <ContactPicker
                {...control}
                value={contact}
                onChange={(next) => {
                  setContact(next);
                  setProblems(({ contactId: _done, ...rest }) => rest);
                }}
              />
            )}
          </FormField>
          <LeadFields
            draft={draft}
            onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))}
            problems={problems}
            serverErrors={server}
            currency={currency}
            members={members}
            onDateInvalid={setDateInvalid}
          />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">{tc('cancel')}</Button>
            </DialogClose>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? t('creating') : t('create')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
