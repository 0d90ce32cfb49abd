'use client';

import { Button } from '@ontrack/ui/button';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { authApi } from '../auth-api';
import { AuthCard } from '../components/auth-card';
import { FormAlert } from '../components/form-alert';
import type { ProblemView } from '../problem';

const text = {
  title: 'Sign in to OnTrack',
  intro: 'You opened a sign-in link. Continue to sign in on this device.',
  button: 'Sign in',
  signingIn: 'Signing in…',
  refusedTitle: 'This link did not sign you in',
  missingToken: 'This sign-in link is incomplete. Copy the whole link from the email, or ask for a new one.',
  again: 'Ask for a new sign-in link',
} as const;

/**
 * The page the emailed link opens. Opening it never signs in by itself: the link is spent only when the
 * person presses the button. Mail scanners, link previews and browser prefetching fetch (and some even run)
 * the pages behind links; a page that redeemed the token on load would spend it — or sign the scanner in —
 * before the person ever clicked. The button is a step no robot takes.
 */
export function MagicLinkView({ token }: { token: string | undefined }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemView>();
  const alertRef = useRef<HTMLDivElement>(null);

  async function signIn() {
    if (!token) return;
    setBusy(true);
    setProblem(undefined);
    const result = await authApi.verifyMagicLink(token);
    if (result.ok) {
      // replace: the spent link should not stay in the history to be pressed again.
      router.replace(result.data.mfaPending ? '/sign-in/mfa' : '/app');
      return;
    }
    setBusy(false);
    setProblem(result.problem);
    requestAnimationFrame(() => alertRef.current?.focus());
  }

  if (!token) {
    return (
      <AuthCard title={text.title}>
        <FormAlert title={text.refusedTitle}>{text.missingToken}</FormAlert>
        <AgainLink />
      </AuthCard>
    );
  }

  return (
    <AuthCard title={text.title}>
      {problem ? (
        <>
          <FormAlert alertRef={alertRef} title={text.refusedTitle}>
            {problem.detail}
          </FormAlert>
          <AgainLink />
        </>
      ) : (
        <>
          <p className="text-muted-foreground">{text.intro}</p>
          <Button size="lg" className="w-full" onClick={signIn} disabled={busy}>
            {busy ? text.signingIn : text.button}
          </Button>
        </>
      )}
    </AuthCard>
  );
}

function AgainLink() {
  return (
    <p>
      <Link href="/sign-in" className="font-medium underline underline-offset-4">
        {text.again}
      </Link>
    </p>
  );
}
