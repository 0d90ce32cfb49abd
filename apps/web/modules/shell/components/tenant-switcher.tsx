'use client';

import { Skeleton } from '@ontrack/ui/skeleton';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import type { ProblemView } from '../../auth/problem';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { shellApi } from '../shell-api';
import type { ActiveTenant, ShellUser } from '../shell-context';

// Same height as the select it stands in for while loading: nothing moves when it arrives.
const BusinessPicker = dynamic(() => import('./business-picker').then((module) => module.BusinessPicker), {
  loading: () => <Skeleton className="h-11 w-full" />,
});

/**
 * The business the user works in. With several active memberships it is a picker: switching asks the API
 * for an access token of the other business, then reloads the page so everything (navigation, language,
 * data) comes from the new business.
 */
export function TenantSwitcher({ user, tenant }: { user: ShellUser; tenant: ActiveTenant | undefined }) {
  const t = useTranslations('shell.tenant');
  const problemDetail = useProblemDetail();
  const labelId = useId();
  const [switching, setSwitching] = useState(false);
  const [problem, setProblem] = useState<ProblemView>();
  const active = user.memberships.filter((membership) => membership.status === 'active');

  if (!tenant) return <p className="text-sm text-muted-foreground">{t('none')}</p>;
  if (active.length < 2) {
    return (
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{t('label')}</p>
        <p className="font-semibold" data-testid="active-business">
          {tenant.name}
        </p>
      </div>
    );
  }

  async function switchTo(tenantId: string) {
    if (tenantId === tenant?.id) return;
    setSwitching(true);
    setProblem(undefined);
    const result = await shellApi.switchTenant(tenantId);
    if (result.ok) {
      window.location.reload();
      return;
    }
    setSwitching(false);
    setProblem(result.problem);
  }

  return (
    <div className="space-y-1">
      <p id={labelId} className="text-xs font-medium uppercase tracking-wide text-muted-foreground">
        {t('switchLabel')}
      </p>
      <BusinessPicker
        value={tenant.id}
        options={active.map((membership) => ({ id: membership.tenantId, name: membership.name }))}
        labelledBy={labelId}
        disabled={switching}
        onChange={switchTo}
      />
      {switching ? (
        <p role="status" className="text-sm text-muted-foreground">
          {t('switching')}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="text-sm text-danger">
          {problemDetail(problem)}
        </p>
      ) : null}
    </div>
  );
}
