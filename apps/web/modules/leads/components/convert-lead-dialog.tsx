'use client';

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
import { toast } from '@ontrack/ui/toast-store';
import { useTranslations } from 'next-intl';
import { type FormEvent, useRef, useState } from 'react';
import { ProblemAlert } from '../../data/components/problem-alert';
import { fieldErrorsOf, isStale } from '../../data/problem-fields';
import type { BoardLead } from '../board-state';
import { useConvertLead } from '../leads-api';

const ADDRESS_FIELDS = ['addressLine1', 'addressLine2', 'city', 'region', 'postalCode', 'country'] as const;
type AddressField = (typeof ADDRESS_FIELDS)[number];
type Address = Record<AddressField, string>;

const emptyAddress: Address = {
  addressLine1: '',
  addressLine2: '',
  city: '',
  region: '',
  postalCode: '',
  country: 'US',
};

const AUTOCOMPLETE: Record<AddressField, string> = {
  addressLine1: 'address-line1',
  addressLine2: 'address-line2',
  city: 'address-level2',
  region: 'address-level1',
  postalCode: 'postal-code',
  country: 'country',
};

/**
 * Converting a lead: it moves to Won and is marked converted, once. A lead without a service address is asked
 * for one here (created for its contact), so the work that follows knows where to go.
 */
export function ConvertLeadDialog({
  lead,
  canWriteProperties,
  onStale,
  onClose,
  returnFocus,
}: {
  lead: BoardLead;
  canWriteProperties: boolean;
  /** The lead changed meanwhile (412): the page says so and offers to reload it. */
  onStale: () => void;
  onClose: () => void;
  /** After a conversion the button is gone: the page says where focus goes. */
  returnFocus: (converted: boolean) => void;
}) {
  const t = useTranslations('leads.convert');
  const tc = useTranslations('leads.common');
  const [open, setOpen] = useState(true);
  const converted = useRef(false);
  const [address, setAddress] = useState<Address>(emptyAddress);
  const [missing, setMissing] = useState<Partial<Record<AddressField, true>>>({});
  const convert = useConvertLead();
  const formRef = useRef<HTMLFormElement>(null);
  const asksAddress = lead.propertyId === null && canWriteProperties;

  const server: Partial<Record<AddressField, string>> = {};
  for (const [field, detail] of Object.entries(fieldErrorsOf(convert.error))) {
    const name = field.replace(/^property\./, '') as AddressField;
    if ((ADDRESS_FIELDS as readonly string[]).includes(name)) server[name] ??= detail;
  }
  const unmapped = convert.error && Object.keys(server).length === 0 ? convert.error : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const given = ADDRESS_FIELDS.some((field) => field !== 'country' && address[field].trim() !== '');
    const found: typeof missing = {};
    if (asksAddress && given) {
      if (!address.addressLine1.trim()) found.addressLine1 = true;
      if (!address.city.trim()) found.city = true;
      if (!/^[A-Za-z]{2}$/.test(address.country.trim())) found.country = true;
    }
    setMissing(found);
    if (Object.keys(found).length > 0) {
      convert.reset();
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const optional = (value: string) => value.trim() || null;
    const property =
      asksAddress && given
        ? {
            label: null,
            addressLine1: address.addressLine1.trim(),
            addressLine2: optional(address.addressLine2),
            city: address.city.trim(),
            region: optional(address.region),
            postalCode: optional(address.postalCode),
            country: address.country.trim().toUpperCase(),
            notes: null,
          }
        : undefined;
    try {
      await convert.mutateAsync({ id: lead.id, version: lead.version, body: property ? { property } : {} });
      converted.current = true;
      setOpen(false);
      toast({ title: t('done', { contact: lead.contact.displayName }), variant: 'success' });
    } catch (error) {
      if (isStale(error)) {
        setOpen(false);
        onStale();
      }
    }
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent
        closeLabel={tc('close')}
        className="sm:max-w-xl"
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus(converted.current);
          onClose();
        }}
      >
        <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t('title', { contact: lead.contact.displayName })}</DialogTitle>
            <DialogDescription>{t('description')}</DialogDescription>
          </DialogHeader>
          <ProblemAlert error={unmapped} />
          {asksAddress ? (
            <fieldset className="grid gap-4">
              <legend className="mb-2 font-semibold">{t('addressHeading')}</legend>
              <p className="text-sm text-muted-foreground">{t('addressHint')}</p>
              {ADDRESS_FIELDS.map((field) => (
                <FormField
                  key={field}
                  label={t(`fields.${field}`)}
                  error={missing[field] ? t(`missing.${field === 'country' ? 'country' : 'required'}`) : server[field]}
                >
                  <Input
                    value={address[field]}
                    autoComplete={AUTOCOMPLETE[field]}
                    maxLength={field === 'country' ? 2 : 200}
                    onChange={(event) => setAddress((current) => ({ ...current, [field]: event.target.value }))}
                  />
                </FormField>
              ))}
            </fieldset>
          ) : lead.propertyId === null ? (
            <p>{t('noAddressNoPermission')}</p>
          ) : (
            <p>{t('hasAddress')}</p>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">{tc('cancel')}</Button>
            </DialogClose>
            <Button type="submit" disabled={convert.isPending}>
              {convert.isPending ? t('converting') : t('confirm')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
