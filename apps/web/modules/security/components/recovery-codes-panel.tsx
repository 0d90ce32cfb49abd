'use client';

import { Button } from '@ontrack/ui/button';
import { toast } from '@ontrack/ui/toast-store';
import { useTranslations } from 'next-intl';
import type { Ref } from 'react';
import { RECOVERY_CODES_FILE_NAME, recoveryCodesText } from '../second-factor';
import { RecoveryCodesList } from './recovery-codes-list';

/**
 * New recovery codes, shown this once: the list, ways to keep it (clipboard, a .txt file) and the button that
 * says they are kept. How many other sessions the change signed out is said with them.
 */
export function RecoveryCodesPanel({
  codes,
  signedOutSessions,
  headingRef,
  onDone,
}: {
  codes: readonly string[];
  signedOutSessions: number;
  headingRef: Ref<HTMLHeadingElement>;
  onDone: () => void;
}) {
  const t = useTranslations('security.codes');
  const text = () => recoveryCodesText(codes, t('fileHeading'), t('fileNote'));

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      toast({ title: t('copied'), variant: 'success' });
    } catch {
      toast({ title: t('copyFailed'), variant: 'danger' });
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text()], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = RECOVERY_CODES_FILE_NAME;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked after the click has been handled: the download has its own copy by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  return (
    <section
      aria-labelledby="recovery-codes-heading"
      className="space-y-4 rounded-lg border border-border bg-surface p-5"
    >
      <h2
        id="recovery-codes-heading"
        ref={headingRef}
        tabIndex={-1}
        className="text-xl font-semibold focus-visible:outline-none"
      >
        {t('title')}
      </h2>
      <p className="text-muted-foreground">{t('intro')}</p>
      <p role="status">{t('signedOut', { count: signedOutSessions })}</p>
      <RecoveryCodesList codes={codes} label={t('listLabel')} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button variant="secondary" onClick={copy}>
          {t('copy')}
        </Button>
        <Button variant="secondary" onClick={download}>
          {t('download')}
        </Button>
      </div>
      <Button onClick={onDone}>{t('done')}</Button>
    </section>
  );
}
