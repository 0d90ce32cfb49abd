'use client';

import { Button } from '@ontrack/ui/button';
import { toast } from '@ontrack/ui/toast-store';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ProblemAlert } from '../../data/components/problem-alert';
import { fieldErrorsOf, isStale } from '../../data/problem-fields';
import type { BoardLead } from '../board-state';
import {
  changedLeadFields,
  type DraftProblems,
  draftFieldOf,
  draftFromLead,
  type LeadDraft,
  readLeadDraft,
} from '../lead-draft';
import { type Member, useBusinessCurrency, useUpdateLead } from '../leads-api';
import { LeadFields } from './lead-fields';
import { StaleAlert } from './leads-ui';

/**
 * A lead's fields, changed in place with If-Match: only what changed is sent, and a change someone else made
 * meanwhile is never overwritten (412: reload, then decide again).
 */
export function LeadDetailsForm({
  lead,
  members,
  onReload,
  onDone,
}: {
  lead: BoardLead;
  members: readonly Member[] | undefined;
  /** Reads the lead again (after a 412). */
  onReload: () => Promise<unknown>;
  /** Saved or cancelled: back to reading. */
  onDone: () => void;
}) {
  const t = useTranslations('leads.detail');
  const locale = useLocale();
  const businessCurrency = useBusinessCurrency();
  // A value keeps its own currency; a lead without one is given the business's.
  const currency = lead.estimatedValue?.currency ?? businessCurrency;
  const saved = useMemo(() => draftFromLead(lead, locale), [lead, locale]);
  const [draft, setDraft] = useState<LeadDraft>(saved);
  const [dateInvalid, setDateInvalid] = useState(false);
  const [problems, setProblems] = useState<DraftProblems>({});
  const update = useUpdateLead();
  const formRef = useRef<HTMLFormElement>(null);

  // A newer lead (moved, reloaded after a 412) replaces the draft: what is edited is what is stored.
  useEffect(() => setDraft(saved), [saved]);
  // The form replaces the summary where the person was reading: start at its first field.
  useEffect(() => formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), []);

  const server: Partial<Record<keyof LeadDraft, string>> = {};
  for (const [field, detail] of Object.entries(fieldErrorsOf(update.error))) {
    const mapped = draftFieldOf(field);
    if (mapped && mapped !== 'contactId' && mapped !== 'stageId' && !(mapped in server)) server[mapped] = detail;
  }
  const stale = isStale(update.error);
  const unmapped = update.error && !stale && Object.keys(server).length === 0 ? update.error : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const read = readLeadDraft(draft, { currency, locale, dateInvalid });
    setProblems(read.ok ? {} : read.problems);
    if (!read.ok) {
      update.reset();
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const before = readLeadDraft(saved, { currency, locale });
    const patch = before.ok ? changedLeadFields(before.fields, read.fields) : read.fields;
    if (Object.keys(patch).length === 0) {
      toast({ title: t('nothingChanged') });
      onDone();
      return;
    }
    try {
      await update.mutateAsync({ id: lead.id, version: lead.version, patch });
      toast({ title: t('saved'), variant: 'success' });
      onDone();
    } catch {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4" aria-labelledby="lead-details-heading">
      <h2 id="lead-details-heading" className="text-xl font-semibold">
        {t('editHeading')}
      </h2>
      {stale ? (
        <StaleAlert
          onReload={async () => {
            update.reset();
            await onReload();
          }}
        />
      ) : (
        <ProblemAlert error={unmapped} />
      )}
      <fieldset disabled={update.isPending} className="space-y-4">
        <LeadFields
          draft={draft}
          onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))}
          problems={problems}
          serverErrors={server}
          currency={currency}
          members={members}
          onDateInvalid={setDateInvalid}
        />
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? t('saving') : t('save')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('cancelEdit')}
        </Button>
      </div>
    </form>
  );
}
