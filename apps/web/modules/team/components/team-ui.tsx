'use client';

import { DEFAULT_ROLE_KEYS, type DefaultRoleKey } from '@ontrack/schemas/permissions';
import { Skeleton } from '@ontrack/ui/skeleton';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import type { ProblemView } from '../../auth/problem';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { problemOf } from '../../data/api-client';

/**
 * A refused request, with the API's `detail`. After something the user did (`autoFocus`, the default) it
 * takes focus so it is read at once; a page that could not load its data announces it without moving focus.
 */
export function ProblemAlert({
  error,
  title,
  autoFocus = true,
}: {
  error: unknown;
  title?: string;
  autoFocus?: boolean;
}) {
  const t = useTranslations('team.common');
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

/** The field errors of a refused request (`email`, `roleIds.0`, ...), by the form field they belong to. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error ? problemOf(error).fieldErrors : {};
}

/** The first field error whose name is `field` or starts with `field.` (array items: `roleIds.1`). */
export function fieldError(errors: Record<string, string>, field: string): string | undefined {
  return Object.entries(errors).find(([name]) => name === field || name.startsWith(`${field}.`))?.[1];
}

/** A list that is still loading: placeholders of the right height and a status for screen readers. */
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

/**
 * The element to give focus back to: the visible one carrying `data-focus-key` (the members are drawn as a
 * table on wide screens and as cards on phones, so the same button exists twice, one of them hidden).
 */
export function visibleFocusTarget(key: string): HTMLElement | null {
  const candidates = document.querySelectorAll<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
  return [...candidates].find((element) => element.getClientRects().length > 0) ?? null;
}

/**
 * A role's name and description in the page's language: the five default roles are translated (the API
 * names them in English); a custom role is shown as its business wrote it.
 */
export function useRoleText() {
  const t = useTranslations('team.defaultRoles');
  const isDefault = (key: string): key is DefaultRoleKey => (DEFAULT_ROLE_KEYS as readonly string[]).includes(key);
  return {
    name: (role: { key: string; name: string }) => (isDefault(role.key) ? t(`${role.key}.name`) : role.name),
    description: (role: { key: string; description: string }) =>
      isDefault(role.key) ? t(`${role.key}.description`) : role.description,
  };
}
