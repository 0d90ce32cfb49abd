'use client';

import { Button } from '@ontrack/ui/button';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { authApi } from '../auth-api';
import { AuthCard } from '../components/auth-card';
import { FormAlert } from '../components/form-alert';
import type { ProblemView } from '../problem';
import { useFocusOnShow } from '../use-focus-on-show';
import { useProblemDetail } from '../use-problem-detail';

/** `portal`: the slug of the business whose client portal asked for the link (resent the same way). */
export function CheckEmailView({ email, portal }: { email: string | undefined; portal?: string }) {
  const t = useTranslations('auth.checkEmail');
  const problemDetail = useProblemDetail();
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<ProblemView>();
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusOnShow(alertRef, problem);

  async function resend() {
    if (!email) return;
    setSending(true);
    setSent(false);
    setProblem(undefined);
    const result = await authApi.requestMagicLink(email, portal);
    setSending(false);
    if (result.ok) setSent(true);
    else {
      setProblem(result.problem);
    }
  }

  return (
    <AuthCard title={t('title')}>
      <p>
        {email
          ? t.rich('sentTo', { email, strong: (chunks) => <strong className="break-all">{chunks}</strong> })
          : t('sentToUnknown')}
      </p>
      <p className="text-muted-foreground">{t('rules')}</p>
      {/* Always in the page so the confirmation is announced when its text appears. */}
      <div role="status" className={sent ? 'rounded-md border-l-4 border-accent bg-background p-4' : 'sr-only'}>
        {sent ? t('resent') : ''}
      </div>
      {problem ? (
        <FormAlert alertRef={alertRef} title={t('resendFailed')}>
          {problemDetail(problem)}
        </FormAlert>
      ) : null}
      {email ? (
        <>
          <p className="text-muted-foreground">{t('notArrived')}</p>
          <Button variant="secondary" onClick={resend} disabled={sending}>
            {sending ? t('resending') : t('resend')}
          </Button>
        </>
      ) : null}
      <p>
        <Link
          href={portal ? `/portal/${portal}/sign-in` : '/sign-in'}
          className="font-medium underline underline-offset-4"
        >
          {t('other')}
        </Link>
      </p>
    </AuthCard>
  );
}
