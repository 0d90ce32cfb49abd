'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useRef, useState } from 'react';
import { readCsrfToken } from '../../auth/csrf';
import { replaceWithFullLoad } from '../../auth/navigate-session';
import { api, refreshSession } from '../../data/api-client';
import { clockOffset, formatCountdown, type SessionLimits, timeoutPhase } from '../session-timeout';
import { useSignOut } from '../use-sign-out';

// The dialog's code is fetched when the warning is due, not with every page.
const SessionTimeoutDialog = dynamic(() =>
  import('./session-timeout-dialog').then((module) => module.SessionTimeoutDialog),
);

interface Known {
  limits: SessionLimits;
  offset: number;
}

/**
 * Warns five minutes before the session ends, with a live countdown: "stay signed in" when the idle limit is
 * the one coming (a refresh moves it), "sign in again" at the absolute limit. At the end it goes to sign-in
 * rather than letting the next click fail.
 *
 * It never refreshes on its own: the idle limit is about the person, and a timer that kept the session alive
 * would defeat it. Only refreshes move the limits, and each one rotates the CSRF cookie, so watching that
 * cookie (no network) tells when to read the limits again — whichever tab refreshed.
 */
export function SessionTimeoutWarning() {
  const [known, setKnown] = useState<Known>();
  const [now, setNow] = useState(() => Date.now());
  const [renewing, setRenewing] = useState(false);
  const [dismissedUntil, setDismissedUntil] = useState(0);
  const csrfRead = useRef<string | undefined>(undefined);
  const { signOut, signingOut } = useSignOut('/sign-in');

  const readLimits = useCallback(async () => {
    csrfRead.current = readCsrfToken(document.cookie);
    try {
      const { data, response } = await api.GET('/api/v1/auth/sessions');
      const current = data?.items.find((item) => item.current);
      if (current) setKnown({ limits: current, offset: clockOffset(response.headers.get('date'), Date.now()) });
    } catch {
      // Offline: keep what is known; the next refresh brings new limits.
    }
  }, []);

  useEffect(() => {
    void readLimits();
    const timer = setInterval(() => {
      if (readCsrfToken(document.cookie) !== csrfRead.current) void readLimits();
      setNow(Date.now());
    }, 1000);
    return () => clearInterval(timer);
  }, [readLimits]);

  const phase = known ? timeoutPhase(known.limits, now, known.offset) : undefined;

  useEffect(() => {
    if (phase?.phase === 'ended') replaceWithFullLoad('/sign-in');
  }, [phase?.phase]);

  async function staySignedIn() {
    setRenewing(true);
    const live = await refreshSession();
    if (!live) return replaceWithFullLoad('/sign-in');
    await readLimits();
    setRenewing(false);
  }

  const open = phase?.phase === 'warning' && (phase.renewable || now >= dismissedUntil);
  if (!open || phase?.phase !== 'warning') return null;
  const timeLeft = formatCountdown(phase.msLeft);

  return (
    <SessionTimeoutDialog
      renewable={phase.renewable}
      timeLeft={timeLeft}
      busy={renewing || signingOut}
      onStay={staySignedIn}
      onSignOut={signOut}
      onDismiss={() => setDismissedUntil(phase.endsAt - 60_000)}
    />
  );
}
