'use client';

import type { Permission } from '@ontrack/schemas/permissions';
import type { PermissionEntry } from '@ontrack/schemas/rbac';
import { Checkbox } from '@ontrack/ui/checkbox';
import { CheckIcon } from '@ontrack/ui/icons';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { areaState, groupByArea, setPermissions } from '../permission-areas';

/** A permission's name in the page's language; the API's English description for one this page does not know. */
export function usePermissionLabel(): (entry: PermissionEntry) => string {
  const t = useTranslations('team.permissionNames');
  return (entry) => (t.has(entry.key as Permission) ? t(entry.key as Permission) : entry.description);
}

/** What a role may do, grouped by area, for reading (a default role, or someone who may not change roles). */
export function PermissionList({
  catalogue,
  granted,
  headingLevel = 3,
}: {
  catalogue: readonly PermissionEntry[];
  granted: readonly string[];
  headingLevel?: 3 | 4;
}) {
  const t = useTranslations('team');
  const label = usePermissionLabel();
  const held = new Set(granted);
  // A permission the catalogue no longer lists is still shown, by its key.
  const entries = [
    ...catalogue.filter((entry) => held.has(entry.key)),
    ...granted
      .filter((key) => !catalogue.some((entry) => entry.key === key))
      .map((key) => ({ key, description: key }) as PermissionEntry),
  ];
  const Heading = `h${headingLevel}` as const;
  if (entries.length === 0) return <p className="text-muted-foreground">{t('roles.noPermissions')}</p>;
  return (
    <div className="space-y-4">
      {groupByArea(entries).map((group) => (
        <section key={group.area} className="space-y-1">
          <Heading className="font-semibold">{t(`areas.${group.area}`)}</Heading>
          <ul className="space-y-1">
            {group.entries.map((entry) => (
              <li key={entry.key} className="flex items-start gap-2">
                <CheckIcon aria-hidden="true" className="mt-1 size-4 shrink-0 text-success" />
                <span>
                  {label(entry)} <code className="text-sm text-muted-foreground">{entry.key}</code>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/**
 * The permissions of a role being written, one fieldset per area with a checkbox that takes the whole
 * area. Permissions the editor does not hold cannot be added (the API refuses to grant them), only
 * taken away when the role already has them.
 */
export function PermissionChecklist({
  catalogue,
  chosen,
  onChange,
  held,
  initial,
  describedBy,
}: {
  catalogue: readonly PermissionEntry[];
  chosen: readonly Permission[];
  onChange: (next: Permission[]) => void;
  held: ReadonlySet<string>;
  initial: readonly string[];
  describedBy?: string | undefined;
}) {
  const t = useTranslations('team');
  const label = usePermissionLabel();
  const baseId = useId();
  const chosenSet = new Set<Permission>(chosen);
  const order = catalogue.map((entry) => entry.key);
  const grantable = (key: string) => held.has(key) || initial.includes(key);

  return (
    <div className="space-y-4">
      {groupByArea(catalogue).map((group) => {
        const keys = group.entries.map((entry) => entry.key).filter(grantable);
        const areaId = `${baseId}-${group.area}`;
        return (
          <fieldset
            key={group.area}
            aria-describedby={describedBy}
            className="space-y-1 rounded-md border border-border p-3"
          >
            <legend className="px-1 font-semibold">{t(`areas.${group.area}`)}</legend>
            <div className="flex min-h-11 items-center gap-3 border-b border-border pb-1">
              <Checkbox
                id={areaId}
                checked={areaState(keys, chosenSet)}
                disabled={keys.length === 0}
                onCheckedChange={(checked) => onChange(setPermissions(chosenSet, keys, checked === true, order))}
              />
              <label htmlFor={areaId} className="flex-1 py-2 text-sm font-semibold">
                {t('roleEditor.wholeArea', { area: t(`areas.${group.area}`) })}
              </label>
            </div>
            {group.entries.map((entry) => {
              const id = `${baseId}-${entry.key}`;
              const disabled = !grantable(entry.key);
              return (
                <div key={entry.key} className="flex min-h-11 items-start gap-3">
                  <Checkbox
                    id={id}
                    className="mt-2.5"
                    checked={chosenSet.has(entry.key)}
                    disabled={disabled}
                    aria-describedby={disabled ? `${id}-not-held` : undefined}
                    onCheckedChange={(checked) =>
                      onChange(setPermissions(chosenSet, [entry.key], checked === true, order))
                    }
                  />
                  <label htmlFor={id} className="flex-1 py-2">
                    <span className="block">{label(entry)}</span>
                    <code className="block text-sm text-muted-foreground">{entry.key}</code>
                    {disabled ? (
                      <span id={`${id}-not-held`} className="block text-sm text-muted-foreground">
                        {t('roleEditor.notHeld')}
                      </span>
                    ) : null}
                  </label>
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}
