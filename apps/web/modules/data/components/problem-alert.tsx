'use client';

import { Skeleton } from '@ontrack/ui/skeleton';
import { useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useRef } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import type { ProblemView } from '../../auth/problem';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { problemOf } from '../api-client';

/**
 * A refused request with the API's `detail`. After something the person did (`autoFocus`, the default) it
 * takes focus so it is read at once; a part of the page that could not load announces it without moving focus.
 */
export function ProblemAlert({
  error,
  title,
  autoFocus = true,
  children,
}: {
  error: unknown;
  title?: string;
  autoFocus?: boolean;
  /** Below the detail: a way out (retry, reload, clear the filters). */
  children?: ReactNode;
}) {
  const t = useTranslations('common');
  const problemDetail = useProblemDetail();
  const ref = useRef<HTMLDivElement>(null);
  const problem: ProblemView | undefined = error ? problemOf(error) : undefined;
  useEffect(() => {
    if (problem && autoFocus) ref.current?.focus();
  }, [problem, autoFocus]);
  if (!problem) return null;
  return (
    <FormAlert alertRef={ref} title={title ?? t('failedTitle')}>
      <p>{problemDetail(problem)}</p>
      {children ? <div className="mt-3 flex flex-wrap gap-3">{children}</div> : null}
    </FormAlert>
  );
}

/** A part of the page that is still loading: placeholders of the right height and a status for screen readers. */
export function LoadingRows({ label, rows = 3, height = 'h-16' }: { label: string; rows?: number; height?: string }) {
  return (
    <div aria-busy="true" className="space-y-3">
      <p role="status" className="sr-only">
        {label}
      </p>
      {Array.from({ length: rows }, (_, row) => `placeholder-${row}`).map((key) => (
        <Skeleton key={key} className={`${height} w-full`} />
      ))}
    </div>
  );
}
