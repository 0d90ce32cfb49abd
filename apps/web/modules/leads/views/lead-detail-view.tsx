'use client';

import { Badge } from '@ontrack/ui/badge';
import { Button } from '@ontrack/ui/button';
import { cn, focusRing } from '@ontrack/ui/class-names';
import { Skeleton } from '@ontrack/ui/skeleton';
import { toast } from '@ontrack/ui/toast-store';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useFormatters } from '../../../i18n/regional-settings-provider';
import { FormAlert } from '../../auth/components/form-alert';
import { problemOf } from '../../data/api-client';
import { ProblemAlert } from '../../data/components/problem-alert';
import { RequirePermission } from '../../shell/components/require-permission';
import { useShell } from '../../shell/shell-context';
import type { BoardLead } from '../board-state';
import { LeadHistory } from '../components/lead-history';
import { LeadStageSection } from '../components/lead-stage-section';
import { LeadSummary } from '../components/lead-summary';
import { StaleAlert } from '../components/leads-ui';
import { useLead, useLeadMembers, useLeadStages, useRestoreLead } from '../leads-api';

// What a visit to a lead usually does not need is loaded when it is asked for: the edit form (with its
// calendar), converting, the trash. The page's first load is reading the lead.
const LeadDetailsForm = dynamic(() =>
  import('../components/lead-details-form').then((module) => module.LeadDetailsForm),
);
const ConvertLeadDialog = dynamic(() =>
  import('../components/convert-lead-dialog').then((module) => module.ConvertLeadDialog),
);
const DeleteLeadDialog = dynamic(() =>
  import('../components/delete-lead-dialog').then((module) => module.DeleteLeadDialog),
);

/** One lead: its fields, its stage, its history, converting it, the trash. */
export function LeadDetailView({ id }: { id: string }) {
  const t = useTranslations('leads.detail');
  return (
    <RequirePermission anyOf={['leads:read']} title={t('metaTitle')}>
      <LeadDetail id={id} />
    </RequirePermission>
  );
}

const backLink = cn('inline-flex min-h-11 items-center font-semibold underline underline-offset-4', focusRing);

function LeadDetail({ id }: { id: string }) {
  const t = useTranslations('leads.detail');
  const shell = useShell();
  const permissions = shell.status === 'ready' ? shell.permissions : new Set<string>();
  const canWrite = permissions.has('leads:write');
  const lead = useLead(id);
  const stages = useLeadStages();
  const members = useLeadMembers(permissions.has('users:read'));
  const [stale, setStale] = useState(false);
  const [editing, setEditing] = useState(false);
  const [converting, setConverting] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  // Back from the form, focus returns to "Edit details" once the summary is drawn again.
  const focusEdit = useRef(false);
  useEffect(() => {
    if (editing || !focusEdit.current) return;
    focusEdit.current = false;
    editRef.current?.focus();
  }, [editing]);
  const convertRef = useRef<HTMLButtonElement>(null);
  const assigneeName = useMemo(() => {
    const names = new Map((members.data ?? []).map((member) => [member.userId, member.name || member.email]));
    return (userId: string) => names.get(userId);
  }, [members.data]);

  if (lead.isPending) {
    return (
      <div aria-busy="true" className="space-y-4">
        <p role="status" className="sr-only">
          {t('loading')}
        </p>
        <Skeleton className="h-10 w-2/3" />
        <Skeleton className="h-6 w-1/3" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (!lead.data) {
    const status = problemOf(lead.error).status;
    // A malformed id (400) is as unknown as a missing one (404): neither is a lead of this business.
    const missing = status === 404 || status === 400;
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight">{missing ? t('notFoundTitle') : t('metaTitle')}</h1>
        {missing ? <p className="text-lg">{t('notFound')}</p> : <ProblemAlert error={lead.error} autoFocus={false} />}
        <Link href="/leads" className={backLink}>
          {t('back')}
        </Link>
      </div>
    );
  }

  const data = lead.data as BoardLead;
  const reload = () => lead.refetch();
  const stageName = stages.data?.find((stage) => stage.id === data.stageId)?.name;
  const editable = canWrite && !data.deletedAt;
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Link href="/leads" className={backLink}>
          {t('back')}
        </Link>
        <h1 id="lead-title" tabIndex={-1} className="text-3xl font-bold tracking-tight focus-visible:outline-none">
          {data.requestedService}
        </h1>
        <p className="text-lg">
          {t.rich('forContact', {
            contact: data.contact.displayName,
            link: (chunks) => (
              <Link href={`/contacts/${data.contact.id}`} className="font-semibold underline underline-offset-4">
                {chunks}
              </Link>
            ),
          })}
        </p>
        <div className="flex flex-wrap gap-2">
          {stageName ? <Badge variant="primary">{stageName}</Badge> : null}
          {data.convertedAt ? <Badge variant="success">{t('convertedBadge')}</Badge> : null}
          {data.deletedAt ? <Badge variant="danger">{t('trashBadge')}</Badge> : null}
        </div>
      </div>
      {stale ? (
        <StaleAlert
          onReload={async () => {
            setStale(false);
            await reload();
          }}
        />
      ) : null}
      {data.deletedAt ? <TrashNotice lead={data} canWrite={canWrite} /> : null}
      <ConvertedNotice lead={data} />
      {editable && !data.convertedAt ? (
        <Button ref={convertRef} onClick={() => setConverting(true)}>
          {t('convert')}
        </Button>
      ) : null}
      {converting ? (
        <ConvertLeadDialog
          lead={data}
          canWriteProperties={permissions.has('properties:write')}
          onStale={() => setStale(true)}
          onClose={() => setConverting(false)}
          returnFocus={(converted) =>
            (converted ? document.getElementById('lead-converted') : convertRef.current)?.focus()
          }
        />
      ) : null}
      {editing && editable ? (
        <LeadDetailsForm
          lead={data}
          members={permissions.has('users:read') ? members.data : undefined}
          onReload={reload}
          onDone={() => {
            focusEdit.current = true;
            setEditing(false);
          }}
        />
      ) : (
        <LeadSummary
          lead={data}
          assigneeName={assigneeName}
          canEdit={editable}
          onEdit={() => setEditing(true)}
          editRef={editRef}
        />
      )}
      {stages.data ? (
        <LeadStageSection lead={data} stages={stages.data} canWrite={canWrite} onReload={reload} />
      ) : (
        <ProblemAlert error={stages.error} autoFocus={false} />
      )}
      <LeadHistory leadId={data.id} />
      {editable ? <DeleteLead lead={data} /> : null}
    </div>
  );
}

function ConvertedNotice({ lead }: { lead: BoardLead }) {
  const t = useTranslations('leads.detail');
  const formatters = useFormatters();
  if (!lead.convertedAt) return null;
  return (
    <FormAlert id="lead-converted" tone="info" title={t('convertedTitle')}>
      <p>{t('converted', { date: formatters.date(lead.convertedAt) })}</p>
      <Link href={`/contacts/${lead.contact.id}`} className={cn(backLink, 'mt-2')}>
        {t('openContact', { contact: lead.contact.displayName })}
      </Link>
    </FormAlert>
  );
}

function TrashNotice({ lead, canWrite }: { lead: BoardLead; canWrite: boolean }) {
  const t = useTranslations('leads.detail');
  const restore = useRestoreLead();
  const ref = useRef<HTMLDivElement>(null);
  // Right after "Move to trash" the button that had focus is gone: focus lands on what happened instead.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) ref.current?.focus();
  }, []);
  return (
    <FormAlert tone="info" title={t('inTrashTitle')} alertRef={ref}>
      <p>{t('inTrash')}</p>
      {canWrite ? (
        <Button
          variant="secondary"
          className="mt-3"
          disabled={restore.isPending}
          onClick={async () => {
            try {
              await restore.mutateAsync(lead.id);
              toast({ title: t('restored'), variant: 'success' });
              // This notice (and its button) goes away with the trash: focus moves to the lead's title.
              requestAnimationFrame(() => document.getElementById('lead-title')?.focus());
            } catch {
              // shown below
            }
          }}
        >
          {restore.isPending ? t('restoring') : t('restore')}
        </Button>
      ) : null}
      <div className="mt-3">
        <ProblemAlert error={restore.error} />
      </div>
    </FormAlert>
  );
}

/** Moving the lead to the trash, after a confirmation that says it can be restored. */
function DeleteLead({ lead }: { lead: BoardLead }) {
  const t = useTranslations('leads.detail');
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="lead-delete-heading" className="space-y-3 border-t border-border pt-6">
      <h2 id="lead-delete-heading" className="text-xl font-semibold">
        {t('deleteHeading')}
      </h2>
      <p className="text-muted-foreground">{t('deleteHint')}</p>
      <Button ref={buttonRef} variant="danger" onClick={() => setOpen(true)}>
        {t('delete')}
      </Button>
      {open ? (
        <DeleteLeadDialog
          lead={lead}
          onClose={() => setOpen(false)}
          // After a deletion this section is gone: the trash notice takes focus by itself.
          returnFocus={(deleted) => (deleted ? undefined : buttonRef.current?.focus())}
        />
      ) : null}
    </section>
  );
}
