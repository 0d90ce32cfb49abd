'use client';

import { Button } from '@ontrack/ui/button';
import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { displayPhone } from '../contact-display';
import { contactKeys, useCreatedDuplicates } from '../contacts-api';

/**
 * Right after a create: the contacts that already had the new one's email or phone (the API warns, it does not
 * refuse), each linked, so the office can check whether they are the same customer. Kept for this visit only.
 */
export function DuplicateWarning({ contactId }: { contactId: string }) {
  const t = useTranslations('contacts.duplicates');
  const client = useQueryClient();
  const duplicates = useCreatedDuplicates(contactId).data ?? [];
  if (!duplicates.length) return null;
  return (
    <section
      aria-labelledby="duplicates-heading"
      className="space-y-3 rounded-md border-s-4 border-warning bg-surface p-4"
    >
      <h2 id="duplicates-heading" className="text-lg font-semibold">
        {t('title', { count: duplicates.length })}
      </h2>
      <p>{t('description')}</p>
      <ul className="space-y-1">
        {duplicates.map((duplicate) => (
          <li key={`${duplicate.id}-${duplicate.value}`}>
            {t.rich('item', {
              value: duplicate.matchedOn === 'phone' ? displayPhone(duplicate.value) : duplicate.value,
              matchedOn: duplicate.matchedOn,
              name: duplicate.displayName,
              contact: (chunks) => (
                <Link
                  href={`/contacts/${duplicate.id}`}
                  className="inline-flex min-h-11 items-center font-semibold underline underline-offset-4"
                >
                  {chunks}
                </Link>
              ),
            })}
          </li>
        ))}
      </ul>
      <Button variant="secondary" onClick={() => client.setQueryData(contactKeys.duplicates(contactId), [])}>
        {t('dismiss')}
      </Button>
    </section>
  );
}
