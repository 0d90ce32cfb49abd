'use client';

import type { ContactView } from '@ontrack/schemas/contacts';
import type { PropertyView } from '@ontrack/schemas/properties';
import { Button } from '@ontrack/ui/button';
import { EmptyState } from '@ontrack/ui/empty-state';
import { PlusIcon } from '@ontrack/ui/icons';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { LoadingRows, ProblemAlert } from '../../data/components/problem-alert';
import { visibleFocusTarget } from '../../data/focus-target';
import { useShell } from '../../shell/shell-context';
import { addressLine } from '../contact-display';
import { useContactProperties } from '../contact-sections-api';
import { PropertyDialog, preload, useLazyDialog } from './lazy-dialogs';

/**
 * The contact's service addresses (`properties:read`). Gate codes and access notes are shown, and edited, only
 * with `properties:access-notes` (the API leaves the `access` block out for anyone else).
 */
export function PropertiesSection({ contact }: { contact: ContactView }) {
  const t = useTranslations('contacts.properties');
  const shell = useShell();
  const permissions = shell.status === 'ready' ? shell.permissions : new Set<string>();
  const canRead = permissions.has('properties:read');
  const canWrite = permissions.has('properties:write') && contact.deletedAt === null;
  const canAccessNotes = permissions.has('properties:access-notes');
  const properties = useContactProperties(contact.id, canRead);
  const dialog = useLazyDialog();
  const [editing, setEditing] = useState<PropertyView>();

  if (!canRead) return null;

  const open = (property: PropertyView | undefined) => {
    setEditing(property);
    dialog.show();
  };
  const returnFocus = () =>
    (editing ? visibleFocusTarget(`edit-property-${editing.id}`) : null) ?? dialog.triggerRef.current;

  return (
    <section aria-labelledby="properties-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="properties-heading" className="text-2xl font-semibold">
          {t('heading')}
        </h2>
        {canWrite ? (
          <Button
            variant="secondary"
            ref={dialog.triggerRef}
            onClick={() => open(undefined)}
            onPointerEnter={preload.property}
            onFocus={preload.property}
          >
            <PlusIcon aria-hidden="true" className="size-5" />
            {t('add')}
          </Button>
        ) : null}
      </div>
      {properties.isPending ? (
        <LoadingRows label={t('loading')} rows={2} height="h-24" />
      ) : !properties.data ? (
        <ProblemAlert error={properties.error} title={t('failedTitle')} autoFocus={false} />
      ) : properties.data.length === 0 ? (
        <EmptyState
          headingLevel={3}
          title={t('emptyTitle')}
          description={canWrite ? t('emptyDescription') : undefined}
        />
      ) : (
        <ul className="grid gap-3 lg:grid-cols-2">
          {properties.data.map((property) => (
            <li key={property.id} className="space-y-2 rounded-lg border border-border bg-surface p-4">
              <h3 className="font-semibold">{property.label ?? t('unlabelled')}</h3>
              <p className="break-words">
                {addressLine(property)}
                {property.country !== 'US' ? `, ${property.country}` : null}
              </p>
              {property.notes ? (
                <p className="whitespace-pre-wrap text-sm text-muted-foreground">{property.notes}</p>
              ) : null}
              {canAccessNotes && property.access !== undefined ? <AccessDetails property={property} /> : null}
              {canWrite ? (
                <Button
                  variant="secondary"
                  size="sm"
                  data-focus-key={`edit-property-${property.id}`}
                  aria-label={t('editName', { name: property.label ?? property.addressLine1 })}
                  onPointerEnter={preload.property}
                  onFocus={preload.property}
                  onClick={() => open(property)}
                >
                  {t('edit')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {dialog.mounted ? (
        <PropertyDialog
          key={dialog.key}
          open={dialog.open}
          onOpenChange={dialog.onOpenChange}
          contactId={contact.id}
          property={editing}
          canAccessNotes={canAccessNotes}
          onReload={async () => (await properties.refetch()).data?.find((item) => item.id === editing?.id)}
          returnFocus={returnFocus}
        />
      ) : null}
    </section>
  );
}

function AccessDetails({ property }: { property: PropertyView }) {
  const t = useTranslations('contacts.properties');
  const access = property.access;
  if (!access || (!access.gateCode && !access.accessNotes)) {
    return <p className="text-sm text-muted-foreground">{t('noAccess')}</p>;
  }
  return (
    <dl className="grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-3">
      {access.gateCode ? (
        <div className="contents">
          <dt className="font-semibold">{t('gateCode')}</dt>
          <dd className="font-mono">{access.gateCode}</dd>
        </div>
      ) : null}
      {access.accessNotes ? (
        <div className="contents">
          <dt className="font-semibold">{t('accessNotes')}</dt>
          <dd className="whitespace-pre-wrap">{access.accessNotes}</dd>
        </div>
      ) : null}
    </dl>
  );
}
