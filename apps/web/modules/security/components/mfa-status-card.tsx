'use client';

import type { MfaStatus } from '@ontrack/schemas/auth-mfa';
import { Badge } from '@ontrack/ui/badge';
import { useTranslations } from 'next-intl';
import type { Ref } from 'react';
import { useFormatters } from '../../../i18n/regional-settings-provider';
import { recoveryCodesRunningLow } from '../second-factor';

/**
 * Whether the authenticator is on (since when, on the business's clock), whether the account must have one
 * and why, and how many recovery codes are left. The heading takes focus when a change brings the person back.
 */
export function MfaStatusCard({ status, headingRef }: { status: MfaStatus; headingRef?: Ref<HTMLHeadingElement> }) {
  const t = useTranslations('security.status');
  const { dateTime } = useFormatters();
  const enrolled = status.totp.enrolled;
  const low = recoveryCodesRunningLow(status);

  return (
    <section aria-labelledby="mfa-status-heading" className="space-y-3 rounded-lg border border-border bg-surface p-5">
      <div className="flex flex-wrap items-center gap-3">
        <h2
          id="mfa-status-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-xl font-semibold focus-visible:outline-none"
        >
          {t('title')}
        </h2>
        <Badge variant={enrolled ? 'success' : 'neutral'}>{enrolled ? t('on') : t('off')}</Badge>
      </div>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t('authenticator')}</dt>
        <dd className="text-muted-foreground">
          {enrolled && status.totp.confirmedAt
            ? t('onSince', { date: dateTime(status.totp.confirmedAt) })
            : t('notSetUp')}
        </dd>
        <dt className="font-semibold">{t('requirement')}</dt>
        <dd className="text-muted-foreground">
          {status.reason === 'admin'
            ? t('requiredAdmin')
            : status.reason === 'tenant_policy' || status.required
              ? t('requiredPolicy')
              : t('optional')}
        </dd>
        {enrolled ? (
          <>
            <dt className="font-semibold">{t('recoveryCodes')}</dt>
            <dd className="text-muted-foreground">{t('codesLeft', { count: status.recoveryCodesLeft })}</dd>
          </>
        ) : null}
      </dl>
      {low ? (
        <p className="rounded-md border-l-4 border-warning bg-background p-3 font-medium">
          {t('codesLow', { count: status.recoveryCodesLeft })}
        </p>
      ) : null}
    </section>
  );
}
