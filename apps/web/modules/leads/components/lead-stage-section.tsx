'use client';

import { Button } from '@ontrack/ui/button';
import { FormField } from '@ontrack/ui/form-field';
import { NativeSelect } from '@ontrack/ui/native-select';
import { Textarea } from '@ontrack/ui/textarea';
import { toast } from '@ontrack/ui/toast-store';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { ProblemAlert } from '../../data/components/problem-alert';
import { fieldErrorsOf, isStale } from '../../data/problem-fields';
import type { BoardLead } from '../board-state';
import { type LeadStage, useMoveLead } from '../leads-api';
import { LOST_REASON_MAX, StaleAlert } from './leads-ui';

/** Where the lead is in the pipeline, and a move to another stage (a lost stage with its reason). */
export function LeadStageSection({
  lead,
  stages,
  canWrite,
  onReload,
}: {
  lead: BoardLead;
  stages: readonly LeadStage[];
  canWrite: boolean;
  onReload: () => Promise<unknown>;
}) {
  const t = useTranslations('leads.stage');
  const move = useMoveLead();
  const [stageId, setStageId] = useState(lead.stageId);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const current = stages.find((stage) => stage.id === lead.stageId);
  const target = stages.find((stage) => stage.id === stageId);
  const needsReason = target?.kind === 'lost' && stageId !== lead.stageId;
  const stale = isStale(move.error);
  const reasonError = reasonMissing ? t('reasonMissing') : fieldErrorsOf(move.error).reason;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!target || stageId === lead.stageId) return;
    const trimmed = reason.trim();
    setReasonMissing(needsReason && !trimmed);
    if (needsReason && !trimmed) return;
    try {
      await move.mutateAsync({ lead, stageId, ...(needsReason ? { reason: trimmed } : {}) });
      setReason('');
      toast({ title: t('moved', { stage: target.name }), variant: 'success' });
    } catch {
      // shown below
    }
  }

  return (
    <section aria-labelledby="lead-stage-heading" className="space-y-3">
      <h2 id="lead-stage-heading" className="text-xl font-semibold">
        {t('heading')}
      </h2>
      <p>
        {t.rich('current', {
          stage: current?.name ?? '—',
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      {lead.lostReason ? <p className="text-muted-foreground">{t('lostReason', { reason: lead.lostReason })}</p> : null}
      {canWrite && !lead.deletedAt ? (
        <form onSubmit={submit} noValidate className="space-y-3">
          {stale ? (
            <StaleAlert
              onReload={async () => {
                move.reset();
                await onReload();
              }}
            />
          ) : reasonError ? null : (
            <ProblemAlert error={move.error} />
          )}
          <div className="flex flex-wrap items-end gap-3">
            <FormField label={t('moveTo')} className="min-w-56 flex-1">
              <NativeSelect value={stageId} onChange={(event) => setStageId(event.target.value)}>
                {stages.map((stage) => (
                  <option key={stage.id} value={stage.id}>
                    {stage.id === lead.stageId ? t('currentOption', { stage: stage.name }) : stage.name}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <Button type="submit" variant="secondary" disabled={move.isPending || stageId === lead.stageId}>
              {move.isPending ? t('moving') : t('move')}
            </Button>
          </div>
          {needsReason ? (
            <FormField label={t('reason')} hint={t('reasonHint')} error={reasonError} required>
              <Textarea
                rows={3}
                maxLength={LOST_REASON_MAX}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            </FormField>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
