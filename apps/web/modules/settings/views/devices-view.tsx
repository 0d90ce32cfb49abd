'use client';

import type { SessionView } from '@ontrack/schemas/auth';
import { Badge } from '@ontrack/ui/badge';
import { Button } from '@ontrack/ui/button';
import { Skeleton } from '@ontrack/ui/skeleton';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import { replaceWithFullLoad } from '../../auth/navigate-session';
import type { ProblemView } from '../../auth/problem';
import { useFocusOnShow } from '../../auth/use-focus-on-show';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { shellApi } from '../../shell/shell-api';
import { describeDevice } from '../device-name';

/**
 * The user's signed-in devices, this one marked. Signing one out stops its tokens at once; its next request
 * to the API is refused and it lands on the sign-in page.
 */
export function DevicesView() {
  const t = useTranslations('settings.devices');
  const format = useFormatter();
  const problemDetail = useProblemDetail();
  const [devices, setDevices] = useState<SessionView[]>();
  const [problem, setProblem] = useState<ProblemView>();
  const [busy, setBusy] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusOnShow(alertRef, problem);

  const load = useCallback(async () => {
    const result = await shellApi.sessions();
    if (result.ok) return setDevices(result.data.items);
    if (result.problem.status === 401) return replaceWithFullLoad('/sign-in');
    setProblem(result.problem);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  function fail(refusal: ProblemView) {
    setProblem(refusal);
  }

  async function signOutDevice(device: SessionView) {
    setBusy(device.id);
    setProblem(undefined);
    setNotice(undefined);
    const result = await shellApi.revokeSession(device.id);
    setBusy(undefined);
    if (!result.ok) return fail(result.problem);
    setNotice(t('signedOutOne', { device: describeDevice(device.userAgent, t('unknownDevice')) }));
    await load();
  }

  async function signOutOthers() {
    setBusy('others');
    setProblem(undefined);
    setNotice(undefined);
    const result = await shellApi.signOutOthers();
    setBusy(undefined);
    if (!result.ok) return fail(result.problem);
    setNotice(t('signedOutOthers', { count: result.data.signedOut }));
    await load();
  }

  const others = devices?.filter((device) => !device.current) ?? [];

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="text-lg text-muted-foreground">{t('intro')}</p>
      {problem ? (
        <FormAlert alertRef={alertRef} title={t('failedTitle')}>
          {problemDetail(problem)}
        </FormAlert>
      ) : null}
      <p role="status" className={notice ? 'rounded-md border-l-4 border-accent bg-surface p-4' : 'sr-only'}>
        {notice}
      </p>
      {devices ? (
        <>
          <ul aria-label={t('listLabel')} className="space-y-3">
            {devices.map((device) => (
              <li
                key={device.id}
                className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4 sm:flex-row sm:items-center sm:justify-between"
              >
                <div className="min-w-0 space-y-1">
                  <p className="flex flex-wrap items-center gap-2 font-semibold">
                    <span>{describeDevice(device.userAgent, t('unknownDevice'))}</span>
                    {device.current ? <Badge variant="accent">{t('thisDevice')}</Badge> : null}
                  </p>
                  <p className="text-sm text-muted-foreground">
                    {t('details', {
                      ip: device.ip ?? t('unknownAddress'),
                      signedIn: format.dateTime(new Date(device.createdAt), {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      }),
                      lastSeen: format.relativeTime(new Date(device.lastSeenAt)),
                    })}
                  </p>
                </div>
                {device.current ? null : (
                  <Button
                    variant="secondary"
                    onClick={() => signOutDevice(device)}
                    disabled={busy !== undefined}
                    aria-label={t('signOutDevice', { device: describeDevice(device.userAgent, t('unknownDevice')) })}
                  >
                    {busy === device.id ? t('signingOut') : t('signOut')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {others.length ? (
            <Button variant="danger" onClick={signOutOthers} disabled={busy !== undefined}>
              {busy === 'others' ? t('signingOut') : t('signOutOthers')}
            </Button>
          ) : (
            <p className="text-muted-foreground">{t('noOthers')}</p>
          )}
        </>
      ) : problem ? null : (
        <div aria-busy="true" className="space-y-3">
          <p role="status" className="sr-only">
            {t('loading')}
          </p>
          <Skeleton className="h-20 w-full" />
          <Skeleton className="h-20 w-full" />
        </div>
      )}
    </>
  );
}
