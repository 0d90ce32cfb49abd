'use client';

import { Button } from '@ontrack/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@ontrack/ui/dialog';
import { useTranslations } from 'next-intl';

/** The warning itself (an alert dialog with a countdown); SessionTimeoutWarning decides when it shows. */
export function SessionTimeoutDialog({
  renewable,
  timeLeft,
  busy,
  onStay,
  onSignOut,
  onDismiss,
}: {
  /** The idle limit is the one coming: a refresh moves it. Otherwise only signing in again helps. */
  renewable: boolean;
  timeLeft: string;
  busy: boolean;
  onStay: () => void;
  onSignOut: () => void;
  /** Closed without choosing, at the absolute limit (it comes back for the last minute). */
  onDismiss: () => void;
}) {
  const t = useTranslations('shell.timeout');
  return (
    <Dialog
      open
      onOpenChange={(next) => {
        // Closing without choosing: a renewable session is kept (closing is activity); the absolute one can
        // only be acknowledged.
        if (next) return;
        if (renewable) onStay();
        else onDismiss();
      }}
    >
      <DialogContent role="alertdialog" closeLabel={t('close')}>
        <DialogHeader>
          <DialogTitle>{t('title')}</DialogTitle>
          <DialogDescription className="text-base text-foreground">
            {renewable ? t('idle', { time: timeLeft }) : t('absolute', { time: timeLeft })}
          </DialogDescription>
        </DialogHeader>
        <p aria-hidden="true" className="text-center font-mono text-4xl font-bold tabular-nums">
          {timeLeft}
        </p>
        <DialogFooter>
          <Button variant="secondary" onClick={onSignOut} disabled={busy}>
            {renewable ? t('signOut') : t('signInAgain')}
          </Button>
          {renewable ? (
            <Button onClick={onStay} disabled={busy}>
              {t('stay')}
            </Button>
          ) : null}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
