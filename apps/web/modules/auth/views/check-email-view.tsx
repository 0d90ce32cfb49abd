'use client';

import { Button } from '@ontrack/ui/button';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { authApi } from '../auth-api';
import { AuthCard } from '../components/auth-card';
import { FormAlert } from '../components/form-alert';
import type { ProblemView } from '../problem';

const text = {
  title: 'Check your email',
  sentTo: 'If an OnTrack account uses',
  sentToEnd: ', a sign-in link is on its way to it.',
  sentToUnknown: 'If an OnTrack account uses the address you entered, a sign-in link is on its way to it.',
  rules: 'Open the link in this browser within 10 minutes. It works once.',
  notArrived: 'Nothing after a few minutes? Check your spam folder, or send a new link.',
  resend: 'Send a new link',
  resending: 'Sending…',
  resent: 'A new link is on its way. Use the newest email.',
  resendFailed: 'The link could not be sent',
  other: 'Use a different email address',
} as const;

export function CheckEmailView({ email }: { email: string | undefined }) {
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<ProblemView>();
  const alertRef = useRef<HTMLDivElement>(null);

  async function resend() {
    if (!email) return;
    setSending(true);
    setSent(false);
    setProblem(undefined);
    const result = await authApi.requestMagicLink(email);
    setSending(false);
    if (result.ok) setSent(true);
    else {
      setProblem(result.problem);
      requestAnimationFrame(() => alertRef.current?.focus());
    }
  }

  return (
    <AuthCard title={text.title}>
      <p>
        {email ? (
          <>
            {text.sentTo} <strong className="break-all">{email}</strong>
            {text.sentToEnd}
          </>
        ) : (
          text.sentToUnknown
        )}
      </p>
      <p className="text-muted-foreground">{text.rules}</p>
      {/* Always in the page so the confirmation is announced when its text appears. */}
      <div role="status" className={sent ? 'rounded-md border-l-4 border-accent bg-background p-4' : 'sr-only'}>
        {sent ? text.resent : ''}
      </div>
      {problem ? (
        <FormAlert alertRef={alertRef} title={text.resendFailed}>
          {problem.detail}
        </FormAlert>
      ) : null}
      {email ? (
        <>
          <p className="text-muted-foreground">{text.notArrived}</p>
          <Button variant="secondary" onClick={resend} disabled={sending}>
            {sending ? text.resending : text.resend}
          </Button>
        </>
      ) : null}
      <p>
        <Link href="/sign-in" className="font-medium underline underline-offset-4">
          {text.other}
        </Link>
      </p>
    </AuthCard>
  );
}
