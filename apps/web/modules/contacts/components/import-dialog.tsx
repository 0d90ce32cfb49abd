'use client';

import type { ContactImportReport } from '@ontrack/schemas/contacts-import';
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
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@ontrack/ui/table';
import { toast } from '@ontrack/ui/toast-store';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type ChangeEvent, type RefObject, useRef, useState } from 'react';
import { api, problemOf, unwrap } from '../../data/api-client';
import { ProblemAlert } from '../../data/components/problem-alert';
import { contactKeys } from '../contacts-api';

/** CONTACT_IMPORT_MAX_BYTES of @ontrack/schemas/contacts-import (a module that bundles zod). */
const MAX_BYTES = 5 * 1024 * 1024;

function useImportContacts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { csv: string; dryRun: boolean; skipInvalid: boolean }) =>
      unwrap(() => api.POST('/api/v1/contacts/import', { body })) as Promise<ContactImportReport>,
    onSuccess: (report) => (report.dryRun ? undefined : client.invalidateQueries({ queryKey: contactKeys.lists })),
  });
}

/**
 * Import contacts from a CSV file: picking the file runs a dry run, whose report lists the rows that would be
 * rejected and why; the import itself writes the valid rows (skipping the rejected ones when told to).
 * Loaded on demand (next/dynamic).
 */
export default function ImportDialog({
  open,
  onOpenChange,
  onCloseFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseFocus: () => void;
}) {
  const t = useTranslations('contacts');
  const run = useImportContacts();
  const [csv, setCsv] = useState<string>();
  const [report, setReport] = useState<ContactImportReport>();
  const [fileError, setFileError] = useState<string>();
  const reportRef = useRef<HTMLHeadingElement>(null);

  const csvError = fileError ?? (run.error ? problemOf(run.error).fieldErrors.csv : undefined);
  const showAlert = run.isError && !csvError;

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setReport(undefined);
    setCsv(undefined);
    setFileError(undefined);
    run.reset();
    if (!file) return;
    if (file.size > MAX_BYTES) return setFileError(t('import.tooLarge'));
    const text = await file.text();
    if (!text.trim()) return setFileError(t('import.emptyFile'));
    setCsv(text);
    try {
      setReport(await run.mutateAsync({ csv: text, dryRun: true, skipInvalid: false }));
    } catch {
      return; // shown under the field or in the alert
    }
    reportRef.current?.focus();
  }

  async function confirm() {
    if (!csv || !report) return;
    let done: ContactImportReport;
    try {
      done = await run.mutateAsync({ csv, dryRun: false, skipInvalid: report.rejected.length > 0 });
    } catch {
      return;
    }
    toast({ title: t('import.done', { count: done.created }), variant: 'success' });
    onOpenChange(false);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        closeLabel={t('common.close')}
        className="max-w-3xl"
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          onCloseFocus();
        }}
      >
        <DialogHeader>
          <DialogTitle>{t('import.title')}</DialogTitle>
          <DialogDescription>{t('import.description')}</DialogDescription>
        </DialogHeader>
        <FormField label={t('import.file')} hint={t('import.fileHint')} error={csvError}>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={pick}
            disabled={run.isPending}
            className="block min-h-11 w-full text-base file:me-3 file:min-h-11 file:rounded-md file:border file:border-border-strong file:bg-surface file:px-4 file:font-semibold file:text-foreground"
          />
        </FormField>
        {run.isPending ? (
          <p role="status" className="text-sm text-muted-foreground">
            {report ? t('import.importing') : t('import.checking')}
          </p>
        ) : null}
        {showAlert ? <ProblemAlert error={run.error} title={t('import.failedTitle')} /> : null}
        {report ? <ImportReport report={report} headingRef={reportRef} /> : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">{t('common.cancel')}</Button>
          </DialogClose>
          {report && report.valid > 0 ? (
            <Button onClick={confirm} disabled={run.isPending}>
              {t('import.confirm', { count: report.valid })}
            </Button>
          ) : null}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function ImportReport({
  report,
  headingRef,
}: {
  report: ContactImportReport;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const t = useTranslations('contacts.import');
  return (
    <section aria-labelledby="import-report-heading" className="grid gap-3">
      <h3
        id="import-report-heading"
        ref={headingRef}
        tabIndex={-1}
        className="text-lg font-semibold focus-visible:outline-none"
      >
        {t('reportTitle')}
      </h3>
      <p>{t('summary', { total: report.total, valid: report.valid, rejected: report.rejected.length })}</p>
      {report.ignoredColumns.length ? (
        <p className="text-sm text-muted-foreground">
          {t('ignoredColumns', { columns: report.ignoredColumns.join(', ') })}
        </p>
      ) : null}
      {report.rejected.length ? (
        <>
          <p className="text-sm">{report.valid > 0 ? t('rejectedSkipped') : t('nothingToImport')}</p>
          <Table>
            <TableCaption>{t('rejectedCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t('columns.row')}</TableHead>
                <TableHead>{t('columns.field')}</TableHead>
                <TableHead>{t('columns.problem')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.rejected.map((rejection) => (
                <TableRow key={`${rejection.row}-${rejection.field}`}>
                  <TableCell>{rejection.row}</TableCell>
                  <TableCell className="break-all">{rejection.field}</TableCell>
                  <TableCell>{rejection.detail}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}
      {report.duplicates.length ? (
        <div className="grid gap-2">
          <h4 className="font-semibold">{t('duplicatesTitle')}</h4>
          <ul className="list-disc space-y-1 ps-5 text-sm">
            {report.duplicates.map((duplicate) => (
              <li key={`${duplicate.row}-${duplicate.value}`}>
                {duplicate.contactId
                  ? t.rich('duplicateOfContact', {
                      row: duplicate.row,
                      value: duplicate.value,
                      contact: (chunks) => (
                        <Link
                          href={`/contacts/${duplicate.contactId}`}
                          className="font-semibold underline underline-offset-4"
                        >
                          {chunks}
                        </Link>
                      ),
                      name: duplicate.displayName,
                    })
                  : t('duplicateOfRow', {
                      row: duplicate.row,
                      value: duplicate.value,
                      other: duplicate.duplicateOfRow ?? 0,
                    })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
