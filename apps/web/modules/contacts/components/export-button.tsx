'use client';

import { Button } from '@ontrack/ui/button';
import { toast } from '@ontrack/ui/toast-store';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { api, problemOf, unwrap } from '../../data/api-client';
import type { ContactListQuery } from '../contact-filters';

/** The CSV of every contact the list's filters match (GET /contacts/export, contacts:export). */
function exportContacts(query: ContactListQuery): Promise<string> {
  return unwrap(() => api.GET('/api/v1/contacts/export', { params: { query }, parseAs: 'text' })) as Promise<string>;
}

/**
 * Downloads the contacts the list shows (its search, filters and sort, every page) as CSV. Fetched through the
 * SDK rather than a plain link, so an expired access token is refreshed like on every other call.
 */
export function ExportButton({ query }: { query: ContactListQuery }) {
  const t = useTranslations('contacts.export');
  const problemDetail = useProblemDetail();
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    try {
      const csv = await exportContacts(query);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `contacts-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      // The click has handed the file to the browser's download; the object URL is no longer needed.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      toast({ title: t('done'), variant: 'success' });
    } catch (error) {
      toast({ title: t('failed'), description: problemDetail(problemOf(error)), variant: 'danger' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button variant="secondary" onClick={download} disabled={busy}>
      {busy ? t('busy') : t('button')}
    </Button>
  );
}
