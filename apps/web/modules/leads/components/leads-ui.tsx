'use client';

import { Button } from '@ontrack/ui/button';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import type { ProblemView } from '../../auth/problem';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { problemOf } from '../../data/api-client';

/** A lead named for people: "Maria Lopez · Weekly mowing" (the contact first: that is who calls back). */
export function leadName(lead: { contact: { displayName: string }; requestedService: string }): string {
  return `${lead.contact.displayName} · ${lead.requestedService}`;
}

/** The longest lost reason the API takes. */
export const LOST_REASON_MAX = 500;

/** Someone else changed the record since it was read: the API refuses the stale If-Match with 412. */
export function isStale(error: unknown): boolean {
  return error !== undefined && error !== null && problemOf(error).status === 412;
}

/** The field errors of a refused request, by API field (`requestedService`, `estimatedValue.amountMinor`, …). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error ? problemOf(error).fieldErrors : {};
}

/** The first error of `field` or of a part of it (`estimatedValue` → `estimatedValue.amountMinor`). */
export function fieldError(errors: Record<string, string>, field: string): string | undefined {
  return Object.entries(errors).find(([name]) => name === field || name.startsWith(`${field}.`))?.[1];
}

/**
 * A refused request with the API's `detail`. After something the user did (`autoFocus`, the default) it takes
 * focus so it is read at once; a page that could not load announces it without moving focus.
 */
export function LeadProblem({
  error,
  title,
  autoFocus = true,
}: {
  error: unknown;
  title?: string;
  autoFocus?: boolean;
}) {
  const t = useTranslations('leads.common');
  const problemDetail = useProblemDetail();
  const ref = useRef<HTMLDivElement>(null);
  const problem: ProblemView | undefined = error ? problemOf(error) : undefined;
  useEffect(() => {
    if (problem && autoFocus) ref.current?.focus();
  }, [problem, autoFocus]);
  if (!problem) return null;
  return (
    <FormAlert alertRef={ref} title={title ?? t('failedTitle')}>
      {problemDetail(problem)}
    </FormAlert>
  );
}

/**
 * The answer to a 412: someone changed the lead meanwhile. Nothing of theirs is overwritten; reloading shows
 * their change, and the person decides again.
 */
export function StaleAlert({ onReload }: { onReload: () => void }) {
  const t = useTranslations('leads.common');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <FormAlert alertRef={ref} title={t('staleTitle')}>
      <p>{t('stale')}</p>
      <Button variant="secondary" className="mt-3" onClick={onReload}>
        {t('reload')}
      </Button>
    </FormAlert>
  );
}
