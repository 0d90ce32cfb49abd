'use client';

import { Button } from '@ontrack/ui/button';
import { EmptyState } from '@ontrack/ui/empty-state';
import { PlusIcon } from '@ontrack/ui/icons';
import { Skeleton } from '@ontrack/ui/skeleton';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useMemo, useRef, useState } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { problemOf } from '../../data/api-client';
import { RequirePermission } from '../../shell/components/require-permission';
import { useShell } from '../../shell/shell-context';
import type { Board } from '../board-state';
import { LeadBoard } from '../components/lead-board';
import { useLeadBoard, useLeadMembers } from '../leads-api';

// The form arrives when someone opens it: its contact search and calendar are not part of the board's load.
const NewLeadDialog = dynamic(() => import('../components/new-lead-dialog').then((module) => module.NewLeadDialog));

/** The leads pipeline (`leads:read`); moving and adding leads needs `leads:write`. */
export function LeadBoardView() {
  const t = useTranslations('leads.board');
  return (
    <RequirePermission anyOf={['leads:read']} title={t('title')}>
      <LeadBoardContent />
    </RequirePermission>
  );
}

function LeadBoardContent() {
  const t = useTranslations('leads.board');
  const problemDetail = useProblemDetail();
  const shell = useShell();
  const canWrite = shell.status === 'ready' && shell.permissions.has('leads:write');
  const canReadPeople = shell.status === 'ready' && shell.permissions.has('users:read');
  const board = useLeadBoard();
  const members = useLeadMembers(canReadPeople);
  const [creating, setCreating] = useState(false);
  const newLeadRef = useRef<HTMLButtonElement>(null);

  const assigneeName = useMemo(() => {
    const names = new Map((members.data ?? []).map((member) => [member.userId, member.name || member.email]));
    return (userId: string) => names.get(userId);
  }, [members.data]);

  const data = board.data as Board | undefined;
  const total = data?.columns.reduce((sum, column) => sum + column.count, 0) ?? 0;
  const newLeadButton = canWrite ? (
    <Button ref={newLeadRef} onClick={() => setCreating(true)}>
      <PlusIcon className="size-5" />
      {t('newLead')}
    </Button>
  ) : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
          <p className="text-lg text-muted-foreground">{canWrite ? t('intro') : t('introReadOnly')}</p>
        </div>
        {total > 0 ? newLeadButton : null}
      </div>
      {board.isPending ? (
        <BoardSkeleton />
      ) : !data ? (
        <FormAlert title={t('failedTitle')}>
          <p>{problemDetail(problemOf(board.error))}</p>
          <Button variant="secondary" className="mt-3" onClick={() => board.refetch()}>
            {t('retry')}
          </Button>
        </FormAlert>
      ) : data.columns.length === 0 ? (
        <EmptyState title={t('noStagesTitle')} description={t('noStages')} />
      ) : total === 0 ? (
        <EmptyState
          title={t('emptyTitle')}
          description={canWrite ? t('empty') : t('emptyReadOnly')}
          action={newLeadButton}
        />
      ) : (
        <>
          <p className="sr-only">{t('summary', { count: total, stages: data.columns.length })}</p>
          <LeadBoard board={data} canWrite={canWrite} assigneeName={assigneeName} />
        </>
      )}
      {creating ? (
        <NewLeadDialog
          onClose={() => {
            setCreating(false);
            // Back to the button that opened the form (the empty state's one is gone once a lead exists).
            requestAnimationFrame(() => newLeadRef.current?.focus());
          }}
          members={canReadPeople ? members.data : undefined}
        />
      ) : null}
    </div>
  );
}

/** Three columns of placeholder cards, so nothing jumps when the board arrives. */
function BoardSkeleton() {
  const t = useTranslations('leads.board');
  return (
    <div aria-busy="true" className="space-y-3">
      <p role="status" className="sr-only">
        {t('loading')}
      </p>
      <div aria-hidden="true" className="flex gap-3 overflow-hidden">
        {[0, 1, 2].map((column) => (
          <div
            key={column}
            className="w-[85vw] max-w-80 shrink-0 space-y-3 rounded-lg border border-border p-3 sm:w-72"
          >
            <Skeleton className="h-6 w-32" />
            <Skeleton className="h-4 w-24" />
            {[0, 1].map((card) => (
              <Skeleton key={card} className="h-32 w-full" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
