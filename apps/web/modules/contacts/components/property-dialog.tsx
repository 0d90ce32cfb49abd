'use client';

import type { PropertyView } from '@ontrack/schemas/properties';
import { Button } from '@ontrack/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@ontrack/ui/dialog';
import { FormField } from '@ontrack/ui/form-field';
import { Input } from '@ontrack/ui/input';
import { Textarea } from '@ontrack/ui/textarea';
import { toast } from '@ontrack/ui/toast-store';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import { api, problemOf, unwrap } from '../../data/api-client';
import { ProblemAlert } from '../../data/components/problem-alert';
import { isStale, newIdempotencyKey } from '../../data/problem-fields';
import { fieldErrorsByFormField } from '../contact-form';
import { contactKeys, ifMatch } from '../contacts-api';
import {
  type CreatePropertyBody,
  checkPropertyDraft,
  createPropertyBody,
  emptyPropertyDraft,
  type PropertyDraft,
  type PropertyField,
  type PropertyPatch,
  propertyDraftOf,
  propertyPatch,
} from '../property-form';

const FIELD_ORDER: readonly PropertyField[] = [
  'label',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'country',
  'notes',
  'gateCode',
  'accessNotes',
];
function useCreateProperty() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreatePropertyBody; key: string }) =>
      unwrap(() =>
        api.POST('/api/v1/properties', { params: { header: { 'Idempotency-Key': key } }, body }),
      ) as Promise<PropertyView>,
    onSuccess: (property) => client.invalidateQueries({ queryKey: contactKeys.properties(property.contactId) }),
  });
}

function useUpdateProperty() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: string; version: number; patch: PropertyPatch }) =>
      unwrap(() =>
        api.PATCH('/api/v1/properties/{id}', {
          params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
          body: patch,
        }),
      ) as Promise<PropertyView>,
    onSuccess: (property) => client.invalidateQueries({ queryKey: contactKeys.properties(property.contactId) }),
  });
}

const fieldId = (field: PropertyField) => `property-${field}`;
const focusField = (field: PropertyField | undefined) => field && document.getElementById(fieldId(field))?.focus();

/**
 * Add a service address to the contact, or change one (If-Match; a 412 offers to load the other person's
 * version). The gate code and access notes are in the form only with properties:access-notes.
 * Loaded on demand (next/dynamic).
 */
export default function PropertyDialog({
  open,
  onOpenChange,
  contactId,
  property,
  canAccessNotes,
  onReload,
  returnFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  contactId: string;
  /** The property to change; undefined to add one. */
  property: PropertyView | undefined;
  canAccessNotes: boolean;
  /** Reads the contact's properties again; resolves with this property as it is now. */
  onReload: () => Promise<PropertyView | undefined>;
  returnFocus: () => HTMLElement | null | undefined;
}) {
  const t = useTranslations('contacts');
  const create = useCreateProperty();
  const update = useUpdateProperty();
  const mutation = property ? update : create;
  const [base, setBase] = useState(property);
  const [draft, setDraft] = useState<PropertyDraft>(() =>
    property ? propertyDraftOf(property) : emptyPropertyDraft(),
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  const [key] = useState(newIdempotencyKey);
  const [reloading, setReloading] = useState(false);
  const staleRef = useRef<HTMLDivElement>(null);

  const stale = isStale(mutation.error);
  const server = mutation.error && !stale ? fieldErrorsByFormField(problemOf(mutation.error).fieldErrors) : {};
  const errors = { ...server, ...local };
  const showAlert = mutation.isError && !stale && Object.keys(server).length === 0;

  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

  const set = (field: PropertyField) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkPropertyDraft(draft);
    const messages = Object.fromEntries(
      Object.entries(found).map(([field, code]) => [field, t(`properties.errors.${code}`)]),
    );
    setLocal(messages);
    const first = FIELD_ORDER.find((field) => field in messages);
    if (first) {
      mutation.reset();
      focusField(first);
      return;
    }
    try {
      if (base) {
        const patch = propertyPatch(base, draft, canAccessNotes);
        if (patch) await update.mutateAsync({ id: base.id, version: base.version, patch });
      } else {
        await create.mutateAsync({ body: createPropertyBody(contactId, draft, canAccessNotes), key });
      }
    } catch (error) {
      const fields = fieldErrorsByFormField(problemOf(error).fieldErrors);
      focusField(FIELD_ORDER.find((field) => field in fields));
      return;
    }
    toast({ title: base ? t('properties.saved') : t('properties.added'), variant: 'success' });
    onOpenChange(false);
  }

  async function reload() {
    setReloading(true);
    const fresh = await onReload();
    setReloading(false);
    if (!fresh) return;
    setBase(fresh);
    setDraft(propertyDraftOf(fresh));
    setLocal({});
    update.reset();
    focusField('label');
  }

  const field = (name: PropertyField, options: { required?: boolean; hint?: string; max?: number } = {}) => (
    <FormField
      id={fieldId(name)}
      label={t(`properties.fields.${name}`)}
      hint={options.hint}
      error={errors[name]}
      required={options.required}
    >
      <Input value={draft[name]} onChange={set(name)} maxLength={options.max} autoComplete="off" />
    </FormField>
  );

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        closeLabel={t('common.close')}
        className="max-w-2xl"
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus()?.focus();
        }}
      >
        <form noValidate onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{property ? t('properties.editTitle') : t('properties.addTitle')}</DialogTitle>
            <DialogDescription>{t('properties.description')}</DialogDescription>
          </DialogHeader>
          {stale ? (
            <FormAlert alertRef={staleRef} title={t('properties.staleTitle')}>
              <p>{t('properties.stale')}</p>
              <Button variant="secondary" className="mt-3" onClick={reload} disabled={reloading}>
                {reloading ? t('edit.reloading') : t('properties.reload')}
              </Button>
            </FormAlert>
          ) : null}
          {showAlert ? <ProblemAlert error={mutation.error} title={t('properties.saveFailedTitle')} /> : null}
          <fieldset disabled={mutation.isPending || reloading} className="grid min-w-0 gap-4">
            <legend className="sr-only">{t('properties.addressLegend')}</legend>
            {field('label', { hint: t('properties.labelHint'), max: 80 })}
            {field('addressLine1', { required: true, max: 200 })}
            {field('addressLine2', { max: 200 })}
            <div className="grid gap-4 sm:grid-cols-2">
              {field('city', { required: true, max: 100 })}
              {field('region', { max: 100 })}
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              {field('postalCode', { max: 20 })}
              {field('country', { required: true, hint: t('properties.countryHint'), max: 2 })}
            </div>
            <FormField id={fieldId('notes')} label={t('properties.fields.notes')} error={errors.notes}>
              <Textarea rows={2} value={draft.notes} onChange={set('notes')} />
            </FormField>
          </fieldset>
          {canAccessNotes ? (
            <fieldset disabled={mutation.isPending || reloading} className="grid min-w-0 gap-4">
              <legend className="mb-1 font-semibold">{t('properties.accessLegend')}</legend>
              <p className="text-sm text-muted-foreground">{t('properties.accessHint')}</p>
              {field('gateCode', { max: 40 })}
              <FormField
                id={fieldId('accessNotes')}
                label={t('properties.fields.accessNotes')}
                error={errors.accessNotes}
              >
                <Textarea rows={2} value={draft.accessNotes} onChange={set('accessNotes')} maxLength={2000} />
              </FormField>
            </fieldset>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">{t('common.cancel')}</Button>
            </DialogClose>
            <Button type="submit" disabled={mutation.isPending || reloading || stale}>
              {mutation.isPending
                ? t('properties.saving')
                : property
                  ? t('properties.save')
                  : t('properties.addSubmit')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
