'use client';

import type { ContactView } from '@ontrack/schemas/contacts';
import { Badge } from '@ontrack/ui/badge';
import { Button } from '@ontrack/ui/button';
import { cn, focusRing } from '@ontrack/ui/class-names';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@ontrack/ui/table';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormatters } from '../../../i18n/regional-settings-provider';
import { displayPhone } from '../contact-display';

export interface ContactListItemsProps {
  contacts: readonly ContactView[];
  trash: boolean;
  /** Restore from the trash (only for people holding contacts:write). */
  onRestore?: (contact: ContactView) => void;
  restoringId?: string;
}

const nameLink = cn('inline-flex min-h-11 items-center font-semibold underline-offset-4 hover:underline', focusRing);

/**
 * The contacts of the list: a table on wide screens, cards on phones (the same data; each contact's name
 * links to its page). `data-index` lets "Load more" move focus to the first contact it brought.
 */
export function ContactListItems({ contacts, trash, onRestore, restoringId }: ContactListItemsProps) {
  const t = useTranslations('contacts.list');
  const formatters = useFormatters();
  const caption = trash ? t('trashCaption') : t('caption');

  return (
    <>
      <div className="hidden md:block">
        <Table>
          <TableCaption>{caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t('columns.name')}</TableHead>
              <TableHead>{t('columns.email')}</TableHead>
              <TableHead>{t('columns.phone')}</TableHead>
              <TableHead>{t('columns.tags')}</TableHead>
              {trash ? <TableHead>{t('columns.deleted')}</TableHead> : null}
              {trash && onRestore ? <TableHead>{t('columns.actions')}</TableHead> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {contacts.map((contact, index) => (
              <TableRow key={contact.id}>
                <TableCell>
                  <Link href={`/contacts/${contact.id}`} data-index={index} className={nameLink}>
                    {contact.displayName}
                  </Link>
                  <p className="text-sm text-muted-foreground">
                    {contact.kind === 'company' ? t('company') : (contact.companyName ?? t('person'))}
                  </p>
                </TableCell>
                <TableCell className="break-all">{contact.email ?? <Missing />}</TableCell>
                <TableCell className="whitespace-nowrap">
                  {contact.phone ? displayPhone(contact.phone) : <Missing />}
                </TableCell>
                <TableCell>
                  <Tags tags={contact.tags} name={contact.displayName} />
                </TableCell>
                {trash ? (
                  <TableCell className="whitespace-nowrap">
                    {contact.deletedAt ? formatters.date(contact.deletedAt) : null}
                  </TableCell>
                ) : null}
                {trash && onRestore ? (
                  <TableCell>
                    <RestoreButton contact={contact} onRestore={onRestore} busy={restoringId === contact.id} />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul aria-label={caption} className="space-y-3 md:hidden">
        {contacts.map((contact, index) => (
          <li key={contact.id} className="space-y-1 rounded-lg border border-border bg-surface p-4">
            <Link href={`/contacts/${contact.id}`} data-index={index} className={cn(nameLink, 'text-lg')}>
              {contact.displayName}
            </Link>
            <p className="text-sm text-muted-foreground">
              {contact.kind === 'company' ? t('company') : (contact.companyName ?? t('person'))}
            </p>
            {contact.email ? <p className="break-all">{contact.email}</p> : null}
            {contact.phone ? <p>{displayPhone(contact.phone)}</p> : null}
            <Tags tags={contact.tags} name={contact.displayName} />
            {trash && contact.deletedAt ? (
              <p className="text-sm text-muted-foreground">
                {t('deletedOn', { date: formatters.date(contact.deletedAt) })}
              </p>
            ) : null}
            {trash && onRestore ? (
              <div className="pt-2">
                <RestoreButton contact={contact} onRestore={onRestore} busy={restoringId === contact.id} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function Missing() {
  const t = useTranslations('contacts.list');
  return <span className="text-muted-foreground">{t('none')}</span>;
}

export function Tags({ tags, name }: { tags: readonly string[]; name: string }) {
  const t = useTranslations('contacts.list');
  if (!tags.length) return null;
  return (
    <ul aria-label={t('tagsOf', { name })} className="flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li key={tag}>
          <Badge variant="outline">{tag}</Badge>
        </li>
      ))}
    </ul>
  );
}

function RestoreButton({
  contact,
  onRestore,
  busy,
}: {
  contact: ContactView;
  onRestore: (contact: ContactView) => void;
  busy: boolean;
}) {
  const t = useTranslations('contacts.list');
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={busy}
      aria-label={t('restoreName', { name: contact.displayName })}
      onClick={() => onRestore(contact)}
    >
      {busy ? t('restoring') : t('restore')}
    </Button>
  );
}
