'use client';

import type { MemberView } from '@ontrack/schemas/rbac';
import { Avatar } from '@ontrack/ui/avatar';
import { Badge, type BadgeVariant } from '@ontrack/ui/badge';
import { Button } from '@ontrack/ui/button';
import { EmptyState } from '@ontrack/ui/empty-state';
import { FormField } from '@ontrack/ui/form-field';
import { Input } from '@ontrack/ui/input';
import { NativeSelect } from '@ontrack/ui/native-select';
import {
  SortableTableHead,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  useTableSort,
} from '@ontrack/ui/table';
import type { SortState } from '@ontrack/ui/table-sort';
import { toast } from '@ontrack/ui/toast-store';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useMemo, useRef, useState } from 'react';
import { ConfirmDialog } from '../../data/components/confirm-dialog';
import { LoadingRows, ProblemAlert } from '../../data/components/problem-alert';
import { visibleFocusTarget } from '../../data/focus-target';
import { filterMembers, MEMBER_SORT_KEYS, type MemberSortKey, sortMembers } from '../members';
import { useMembers, useUpdateMember } from '../team-api';
import { MemberRolesDialog } from './member-roles-dialog';
import { useRoleText } from './team-ui';

const STATUS_BADGE: Record<MemberView['status'], BadgeVariant> = {
  active: 'success',
  invited: 'outline',
  suspended: 'warning',
};

type Action = { kind: 'roles' | 'status'; member: MemberView };

/**
 * The people of the business: a sortable table on wide screens, cards with a sort menu on phones, one search
 * for both. Holders of users:manage change roles and suspend or reactivate people; others only read.
 */
export function MembersSection({ selfId, canManage }: { selfId: string; canManage: boolean }) {
  const t = useTranslations('team.members');
  const locale = useLocale();
  const members = useMembers();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useTableSort<MemberSortKey>({ key: 'name', direction: 'ascending' });
  const [action, setAction] = useState<Action>();
  const [open, setOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  const shown = useMemo(() => {
    const found = filterMembers(members.data ?? [], query);
    return sort ? sortMembers(found, sort.key, sort.direction, locale) : found;
  }, [members.data, query, sort, locale]);

  const act = (kind: Action['kind'], member: MemberView) => {
    setAction({ kind, member });
    setOpen(true);
  };
  const focusKey = (kind: Action['kind'], member: MemberView) => `${kind}-${member.userId}`;
  const returnFocus = () =>
    (action ? visibleFocusTarget(focusKey(action.kind, action.member)) : null) ?? headingRef.current;

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-2xl font-semibold focus-visible:outline-none">
        {t('heading')}
      </h2>
      {members.isPending ? (
        <LoadingRows label={t('loading')} rows={4} />
      ) : !members.data ? (
        <ProblemAlert error={members.error} title={t('failedTitle')} autoFocus={false} />
      ) : (
        <>
          <div className="flex flex-col gap-3 md:flex-row md:items-end">
            <FormField label={t('search')} hint={t('searchHint')} className="md:max-w-sm md:flex-1">
              <Input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
            </FormField>
            <FormField label={t('sortBy')} className="md:hidden">
              <NativeSelect
                value={sort ? `${sort.key}:${sort.direction}` : ''}
                onChange={(event) => {
                  const [key, direction] = event.target.value.split(':');
                  setSort({ key, direction } as SortState<MemberSortKey>);
                }}
              >
                {MEMBER_SORT_KEYS.flatMap((key) =>
                  (['ascending', 'descending'] as const).map((direction) => (
                    <option key={`${key}:${direction}`} value={`${key}:${direction}`}>
                      {t(`sortOptions.${key}.${direction}`)}
                    </option>
                  )),
                )}
              </NativeSelect>
            </FormField>
          </div>
          <p role="status" className="text-sm text-muted-foreground">
            {query.trim()
              ? t('matching', { shown: shown.length, total: members.data.length })
              : t('count', { total: members.data.length })}
          </p>
          {members.data.length === 0 ? (
            <EmptyState headingLevel={3} title={t('emptyTitle')} description={t('emptyDescription')} />
          ) : shown.length === 0 ? (
            <EmptyState
              headingLevel={3}
              title={t('noMatchTitle', { query: query.trim() })}
              description={t('noMatchDescription')}
              action={
                <Button variant="secondary" onClick={() => setQuery('')}>
                  {t('clearSearch')}
                </Button>
              }
            />
          ) : (
            <>
              <div className="hidden md:block">
                <Table>
                  <TableCaption>{t('caption')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <SortableTableHead sortKey="name" sort={sort} onSortChange={setSort}>
                        {t('columns.name')}
                      </SortableTableHead>
                      <SortableTableHead sortKey="email" sort={sort} onSortChange={setSort}>
                        {t('columns.email')}
                      </SortableTableHead>
                      <SortableTableHead sortKey="roles" sort={sort} onSortChange={setSort}>
                        {t('columns.roles')}
                      </SortableTableHead>
                      <SortableTableHead sortKey="status" sort={sort} onSortChange={setSort}>
                        {t('columns.status')}
                      </SortableTableHead>
                      {canManage ? <TableHead>{t('columns.actions')}</TableHead> : null}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {shown.map((member) => (
                      <TableRow key={member.userId}>
                        <TableCell>
                          <MemberName member={member} self={member.userId === selfId} />
                        </TableCell>
                        <TableCell className="whitespace-nowrap">{member.email}</TableCell>
                        <TableCell>
                          <RoleBadges member={member} />
                        </TableCell>
                        <TableCell>
                          <StatusBadge member={member} />
                        </TableCell>
                        {canManage ? (
                          <TableCell>
                            <MemberActions
                              member={member}
                              self={member.userId === selfId}
                              focusKey={focusKey}
                              onAct={act}
                              wrap={false}
                            />
                          </TableCell>
                        ) : null}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
              <ul aria-label={t('caption')} className="space-y-3 md:hidden">
                {shown.map((member) => (
                  <li key={member.userId} className="space-y-3 rounded-lg border border-border bg-surface p-4">
                    <MemberName member={member} self={member.userId === selfId} />
                    <p className="break-all text-sm text-muted-foreground">{member.email}</p>
                    <div className="flex flex-wrap items-center gap-2">
                      <StatusBadge member={member} />
                      <RoleBadges member={member} />
                    </div>
                    {canManage ? (
                      <MemberActions member={member} self={member.userId === selfId} focusKey={focusKey} onAct={act} />
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {canManage ? (
        <>
          <MemberRolesDialog
            member={action?.kind === 'roles' ? action.member : undefined}
            isSelf={action?.member.userId === selfId}
            open={open && action?.kind === 'roles'}
            onOpenChange={setOpen}
            returnFocus={returnFocus}
          />
          <StatusDialog
            member={action?.kind === 'status' ? action.member : undefined}
            open={open && action?.kind === 'status'}
            onOpenChange={setOpen}
            returnFocus={returnFocus}
          />
        </>
      ) : null}
    </section>
  );
}

function MemberName({ member, self }: { member: MemberView; self: boolean }) {
  const t = useTranslations('team.members');
  return (
    <div className="flex items-center gap-3">
      <Avatar name={member.name || member.email} size="sm" decorative />
      <span className="font-medium">{member.name || member.email}</span>
      {self ? <Badge variant="accent">{t('you')}</Badge> : null}
    </div>
  );
}

function RoleBadges({ member }: { member: MemberView }) {
  const t = useTranslations('team.members');
  const roleText = useRoleText();
  if (member.roles.length === 0) return <span className="text-muted-foreground">{t('noRoles')}</span>;
  return (
    <ul aria-label={t('rolesOf', { name: member.name || member.email })} className="flex flex-wrap gap-1.5">
      {member.roles.map((role) => (
        <li key={role.id}>
          <Badge variant="neutral">{roleText.name(role)}</Badge>
        </li>
      ))}
    </ul>
  );
}

function StatusBadge({ member }: { member: MemberView }) {
  const t = useTranslations('team.status');
  return <Badge variant={STATUS_BADGE[member.status]}>{t(member.status)}</Badge>;
}

function MemberActions({
  member,
  self,
  focusKey,
  onAct,
  wrap = true,
}: {
  member: MemberView;
  self: boolean;
  /** In the table the buttons stay side by side; the table scrolls sideways before they stack. */
  wrap?: boolean;
  focusKey: (kind: Action['kind'], member: MemberView) => string;
  onAct: (kind: Action['kind'], member: MemberView) => void;
}) {
  const t = useTranslations('team.members');
  const name = member.name || member.email;
  return (
    <div className={wrap ? 'flex flex-wrap gap-2' : 'flex gap-2 whitespace-nowrap'}>
      <Button
        variant="secondary"
        size="sm"
        data-focus-key={focusKey('roles', member)}
        aria-label={t('changeRolesOf', { name })}
        onClick={() => onAct('roles', member)}
      >
        {t('changeRoles')}
      </Button>
      {/* Nobody suspends themselves (the API refuses it), and invited people join by accepting. */}
      {self || member.status === 'invited' ? null : (
        <Button
          variant={member.status === 'active' ? 'danger' : 'secondary'}
          size="sm"
          data-focus-key={focusKey('status', member)}
          aria-label={member.status === 'active' ? t('suspendName', { name }) : t('reactivateName', { name })}
          onClick={() => onAct('status', member)}
        >
          {member.status === 'active' ? t('suspend') : t('reactivate')}
        </Button>
      )}
    </div>
  );
}

function StatusDialog({
  member,
  open,
  onOpenChange,
  returnFocus,
}: {
  member: MemberView | undefined;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocus: () => HTMLElement | null | undefined;
}) {
  const t = useTranslations('team.members');
  const update = useUpdateMember();
  if (!member) return null;
  const name = member.name || member.email;
  const suspending = member.status === 'active';
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={suspending ? t('suspendTitle', { name }) : t('reactivateTitle', { name })}
      description={suspending ? t('suspendDescription', { name }) : t('reactivateDescription', { name })}
      confirmLabel={suspending ? t('suspendConfirm') : t('reactivateConfirm')}
      busyLabel={suspending ? t('suspending') : t('reactivating')}
      danger={suspending}
      onConfirm={() =>
        update.mutateAsync({ userId: member.userId, patch: { status: suspending ? 'suspended' : 'active' } })
      }
      onDone={() =>
        toast({ title: suspending ? t('suspended', { name }) : t('reactivated', { name }), variant: 'success' })
      }
      returnFocus={returnFocus}
    />
  );
}
