'use client';

import type { Permission } from '@ontrack/schemas/permissions';
import { buttonClassName } from '@ontrack/ui/button';
import { Skeleton } from '@ontrack/ui/skeleton';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { allows } from '../navigation';
import { useShell } from '../shell-context';

/**
 * Shows the page only to people who hold one of `anyOf` in the active business; others get a plain refusal
 * that says why and where to go. This only spares them a page of errors: the API refuses the data itself.
 */
export function RequirePermission({
  anyOf,
  title,
  children,
}: {
  anyOf: readonly Permission[];
  /** The page's heading, shown above the refusal too so people know where they are. */
  title: string;
  children: ReactNode;
}) {
  const t = useTranslations('shell.refused');
  const problemDetail = useProblemDetail();
  const state = useShell();

  if (state.status === 'loading') {
    return (
      <div aria-busy="true" className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        <p role="status" className="sr-only">
          {t('checking')}
        </p>
        <Skeleton className="h-32 w-full" />
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        <FormAlert title={t('failedTitle')}>{problemDetail(state.problem)}</FormAlert>
      </>
    );
  }
  if (!allows(state.permissions, anyOf)) {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        <FormAlert title={t('title')}>
          <p>{t('detail', { business: state.tenant?.name ?? '' })}</p>
          <Link href="/app" className={buttonClassName({ variant: 'secondary', className: 'mt-3' })}>
            {t('back')}
          </Link>
        </FormAlert>
      </>
    );
  }
  return children;
}
