'use client';

import { Button } from '@ontrack/ui/button';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { FormAlert } from '../../auth/components/form-alert';

/** A lead named for people: "Maria Lopez · Weekly mowing" (the contact first: that is who calls back). */
export function leadName(lead: { contact: { displayName: string }; requestedService: string }): string {
  return `${lead.contact.displayName} · ${lead.requestedService}`;
}

/** The longest lost reason the API takes. */
export const LOST_REASON_MAX = 500;

/**
 * The answer to a 412: someone changed the lead meanwhile. Nothing of theirs is overwritten; reloading shows
 * their change, and the person decides again.
 */
export function StaleAlert({ onReload }: { onReload: () => void }) {
  const t = useTranslations('leads.common');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <FormAlert alertRef={ref} title={t('staleTitle')}>
      <p>{t('stale')}</p>
      <Button variant="secondary" className="mt-3" onClick={onReload}>
        {t('reload')}
      </Button>
    </FormAlert>
  );
}
