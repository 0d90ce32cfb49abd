'use client';

import { Combobox, type ComboboxOption } from '@ontrack/ui/combobox';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { type ComponentProps, useEffect, useState } from 'react';
import { leadKeys, leadQueries } from '../leads-api';

/** Waits for a pause in typing before asking the server again (one search per word, not per key). */
function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * Chooses a contact by searching the business's contacts on the server (name, company, email, phone, address:
 * GET /contacts?q=). Pass FormField's props through: the combobox's input takes them.
 */
export function ContactPicker({
  value,
  onChange,
  ...fieldProps
}: {
  value: ComboboxOption | null;
  onChange: (contact: ComboboxOption | null) => void;
} & Pick<ComponentProps<'input'>, 'id' | 'aria-labelledby' | 'aria-describedby' | 'aria-invalid' | 'aria-required'>) {
  const t = useTranslations('leads.contactPicker');
  const [text, setText] = useState(value?.label ?? '');
  const [typed, setTyped] = useState(false);
  const query = useDebounced(typed ? text.trim() : '', 250);
  const results = useQuery({
    queryKey: leadKeys.contacts(query),
    queryFn: () => leadQueries.contacts(query),
    staleTime: 30_000,
  });
  const options: ComboboxOption[] = (results.data?.items ?? []).map((contact) => ({
    value: contact.id,
    label: contact.displayName,
    description: [contact.companyName, contact.email, contact.phone].filter(Boolean).join(' · ') || undefined,
  }));
  // The chosen contact stays an option while other results are shown, so its label does not vanish.
  if (value && !options.some((option) => option.value === value.value)) options.unshift(value);

  return (
    <Combobox
      {...fieldProps}
      options={options}
      value={value?.value ?? null}
      onValueChange={(_id, option) => onChange(option)}
      inputValue={text}
      onInputChange={(next, reason) => {
        setText(next);
        setTyped(reason === 'input');
      }}
      loading={results.isFetching && !results.data}
      autoComplete="off"
      placeholder={t('placeholder')}
      labels={{
        toggle: t('toggle'),
        loading: t('loading'),
        noResults: results.isError ? t('failed') : t('noResults'),
        results: (count) => t('results', { count }),
      }}
    />
  );
}
