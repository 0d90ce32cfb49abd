'use client';

import { Button } from '@ontrack/ui/button';

/**
 * Loads the page that was asked for again. The service worker answered its URL with this page, so a reload
 * is the retry (and shows this page again while the network is still down).
 */
export function RetryButton({ label }: { label: string }) {
  return (
    <Button size="lg" onClick={() => window.location.reload()}>
      {label}
    </Button>
  );
}
