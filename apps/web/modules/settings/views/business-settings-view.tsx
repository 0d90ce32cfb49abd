'use client';

import type { UpdateTenant } from '@ontrack/schemas/tenants';
import { Button } from '@ontrack/ui/button';
import { FormField } from '@ontrack/ui/form-field';
import { Input } from '@ontrack/ui/input';
import { NativeSelect } from '@ontrack/ui/native-select';
import { RadioGroup, RadioGroupOption } from '@ontrack/ui/radio-group';
import { Skeleton } from '@ontrack/ui/skeleton';
import { Switch } from '@ontrack/ui/switch';
import { toast } from '@ontrack/ui/toast-store';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import type { ProblemView } from '../../auth/problem';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { api, problemOf, unwrap } from '../../data/api-client';
import { PublicFormLink } from '../../public-request/components/public-form-link';
import { RequirePermission } from '../../shell/components/require-permission';
import { shellKeys, useShell } from '../../shell/shell-context';
import { settingsKeys } from '../settings-api';

interface Draft {
  name: string;
  timeZone: string;
  currency: string;
  locale: 'en' | 'es';
  primaryColor: string;
  accentColor: string;
  logoUrl: string;
}

/** The fields that differ from what is saved, as the API's patch (an emptied optional field is removed). */
export function businessPatch(saved: Draft, draft: Draft): UpdateTenant | undefined {
  const patch: UpdateTenant = {};
  if (draft.name.trim() !== saved.name) patch.name = draft.name.trim();
  if (draft.timeZone.trim() !== saved.timeZone) patch.timeZone = draft.timeZone.trim();
  if (draft.currency.trim().toUpperCase() !== saved.currency) patch.currency = draft.currency.trim().toUpperCase();
  if (draft.locale !== saved.locale) patch.locale = draft.locale;
  const brandingChanged = (['primaryColor', 'accentColor', 'logoUrl'] as const).some(
    (field) => draft[field].trim() !== saved[field],
  );
  if (brandingChanged) {
    patch.branding = {
      ...(draft.primaryColor.trim() ? { primaryColor: draft.primaryColor.trim() } : {}),
      ...(draft.accentColor.trim() ? { accentColor: draft.accentColor.trim() } : {}),
      ...(draft.logoUrl.trim() ? { logoUrl: draft.logoUrl.trim() } : {}),
    };
  }
  return Object.keys(patch).length ? patch : undefined;
}

interface Choice {
  value: string;
  label: string;
}

/** Every IANA zone, grouped by region ("America" → "Chicago", "Argentina/Buenos Aires"). */
export function timeZoneGroups(zones: readonly string[]): [string, Choice[]][] {
  const groups = new Map<string, Choice[]>();
  for (const zone of zones) {
    const slash = zone.indexOf('/');
    const region = slash === -1 ? 'UTC' : zone.slice(0, slash);
    const label = (slash === -1 ? zone : zone.slice(slash + 1)).replaceAll('_', ' ');
    groups.set(region, [...(groups.get(region) ?? []), { value: zone, label }]);
  }
  return [...groups];
}

/** Every ISO 4217 currency, named in the page's language ("USD · US Dollar"). */
function currencyOptions(locale: string): Choice[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  return Intl.supportedValuesOf('currency').map((code) => ({
    value: code,
    label: `${code} · ${names.of(code) ?? code}`,
  }));
}

/** `branding.logoUrl` → `logoUrl`: the API names nested fields by path; the form shows them flat. */
export function fieldOf(path: string): string {
  return path.startsWith('branding.') ? path.slice('branding.'.length) : path;
}

/**
 * The business's profile (name, time zone, currency, language, branding) and its sign-in rule. Admins change
 * them; anyone with tenant:read sees them read-only. Each part saves on its own, so a refused field does
 * not hold back the rest.
 */
export function BusinessSettingsView() {
  const t = useTranslations('settings.business');
  const problemDetail = useProblemDetail();
  const state = useShell();
  const queryClient = useQueryClient();
  const canManage = state.status === 'ready' && state.permissions.has('tenant:manage');
  const tenant = useQuery({ queryKey: shellKeys.tenant, queryFn: () => unwrap(() => api.GET('/api/v1/tenant')) });
  const security = useQuery({
    queryKey: settingsKeys.tenantSecurity,
    queryFn: () => unwrap(() => api.GET('/api/v1/tenant/security')),
  });
  const saved = useMemo<Draft | undefined>(
    () =>
      tenant.data && {
        name: tenant.data.name,
        timeZone: tenant.data.timeZone,
        currency: tenant.data.currency,
        locale: tenant.data.locale === 'es' ? 'es' : 'en',
        primaryColor: tenant.data.branding.primaryColor ?? '',
        accentColor: tenant.data.branding.accentColor ?? '',
        logoUrl: tenant.data.branding.logoUrl ?? '',
      },
    [tenant.data],
  );
  const [draft, setDraft] = useState<Draft>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ProblemView>();
  const locale = useLocale();
  const savedZone = saved?.timeZone;
  // The saved zone is always offered, even one this browser's list lacks (such as "UTC" in some engines).
  const timeZones = useMemo(() => {
    const zones = Intl.supportedValuesOf('timeZone');
    return timeZoneGroups(savedZone && !zones.includes(savedZone) ? [savedZone, ...zones] : zones);
  }, [savedZone]);
  const currencies = useMemo(() => currencyOptions(locale), [locale]);

  useEffect(() => {
    if (saved) setDraft(saved);
  }, [saved]);

  const saveProfile = useMutation({
    mutationFn: (patch: UpdateTenant) => unwrap(() => api.PATCH('/api/v1/tenant', { body: patch })),
    onSuccess: (updated, patch) => {
      queryClient.setQueryData(shellKeys.tenant, updated);
      // The business's language and currency shape every page: load them afresh.
      if (patch.locale || patch.currency || patch.timeZone) window.location.reload();
      else toast({ title: t('saved'), variant: 'success' });
    },
    onError: (error) => {
      const refused = problemOf(error);
      const fields = Object.fromEntries(
        Object.entries(refused.fieldErrors).map(([path, detail]) => [fieldOf(path), detail]),
      );
      setFieldErrors(fields);
      if (!Object.keys(fields).length) setProblem(refused);
    },
  });
  const saveSecurity = useMutation({
    mutationFn: (mfaRequiredForStaff: boolean) =>
      unwrap(() => api.PATCH('/api/v1/tenant/security', { body: { mfaRequiredForStaff } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(settingsKeys.tenantSecurity, updated);
      toast({ title: t('securitySaved'), variant: 'success' });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!saved || !draft) return;
    setProblem(undefined);
    setFieldErrors({});
    if (!draft.name.trim()) return setFieldErrors({ name: t('nameMissing') });
    const patch = businessPatch(saved, draft);
    if (!patch) return toast({ title: t('nothingChanged') });
    saveProfile.mutate(patch);
  }

  const set = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((current) => current && { ...current, [field]: event.target.value });

  return (
    <RequirePermission anyOf={['tenant:read']} title={t('title')}>
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="text-lg text-muted-foreground">{canManage ? t('intro') : t('introReadOnly')}</p>
      {tenant.isError ? <FormAlert title={t('failedTitle')}>{problemDetail(problemOf(tenant.error))}</FormAlert> : null}
      {!draft ? (
        tenant.isError ? null : (
          <div aria-busy="true" className="space-y-4">
            <span className="sr-only">{t('loading')}</span>
            <Skeleton className="h-16 w-full" />
            <Skeleton className="h-16 w-full" />
            <Skeleton className="h-16 w-full" />
          </div>
        )
      ) : (
        <form noValidate onSubmit={submit} className="max-w-2xl space-y-6" aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="text-xl font-semibold">
            {t('profileHeading')}
          </h2>
          {problem ? <FormAlert title={t('failedTitle')}>{problemDetail(problem)}</FormAlert> : null}
          <fieldset disabled={!canManage || saveProfile.isPending} className="space-y-5">
            <FormField label={t('name')} error={fieldErrors.name} required>
              <Input value={draft.name} onChange={set('name')} maxLength={120} autoComplete="organization" />
            </FormField>
            <div className="grid gap-5 sm:grid-cols-2">
              <FormField label={t('timeZone')} hint={t('timeZoneHint')} error={fieldErrors.timeZone} required>
                <NativeSelect value={draft.timeZone} onChange={set('timeZone')}>
                  {timeZones.map(([region, zones]) => (
                    <optgroup key={region} label={region}>
                      {zones.map((zone) => (
                        <option key={zone.value} value={zone.value}>
                          {zone.label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </NativeSelect>
              </FormField>
              <FormField label={t('currency')} hint={t('currencyHint')} error={fieldErrors.currency} required>
                <NativeSelect value={draft.currency} onChange={set('currency')}>
                  {currencies.map((currency) => (
                    <option key={currency.value} value={currency.value}>
                      {currency.label}
                    </option>
                  ))}
                </NativeSelect>
              </FormField>
            </div>
            <FormField label={t('language')} hint={t('languageHint')} error={fieldErrors.locale} group>
              <RadioGroup
                value={draft.locale}
                onValueChange={(value) =>
                  setDraft((current) => current && { ...current, locale: value as 'en' | 'es' })
                }
              >
                <RadioGroupOption value="en" label="English" lang="en" />
                <RadioGroupOption value="es" label="Español" lang="es" />
              </RadioGroup>
            </FormField>
            <div className="grid gap-5 sm:grid-cols-2">
              <FormField label={t('primaryColor')} hint={t('colorHint')} error={fieldErrors.primaryColor}>
                <Input
                  value={draft.primaryColor}
                  onChange={set('primaryColor')}
                  placeholder="#0F3659"
                  spellCheck={false}
                />
              </FormField>
              <FormField label={t('accentColor')} hint={t('colorHint')} error={fieldErrors.accentColor}>
                <Input
                  value={draft.accentColor}
                  onChange={set('accentColor')}
                  placeholder="#9FE870"
                  spellCheck={false}
                />
              </FormField>
            </div>
            <FormField label={t('logoUrl')} hint={t('logoUrlHint')} error={fieldErrors.logoUrl}>
              <Input type="url" value={draft.logoUrl} onChange={set('logoUrl')} inputMode="url" spellCheck={false} />
            </FormField>
          </fieldset>
          {canManage ? (
            <Button type="submit" size="lg" disabled={saveProfile.isPending}>
              {saveProfile.isPending ? t('saving') : t('save')}
            </Button>
          ) : null}
        </form>
      )}
      {tenant.data ? <PublicFormLink slug={tenant.data.slug} businessName={tenant.data.name} /> : null}
      <section aria-labelledby="security-heading" className="max-w-2xl space-y-3 border-t border-border pt-6">
        <h2 id="security-heading" className="text-xl font-semibold">
          {t('securityHeading')}
        </h2>
        {security.data ? (
          <FormField label={t('mfaRequired')} hint={t('mfaRequiredHint')} layout="inline">
            <Switch
              checked={security.data.mfaRequiredForStaff}
              disabled={!canManage || saveSecurity.isPending}
              onCheckedChange={(checked) => saveSecurity.mutate(checked)}
            />
          </FormField>
        ) : security.isError ? (
          <FormAlert title={t('failedTitle')}>{problemDetail(problemOf(security.error))}</FormAlert>
        ) : (
          <Skeleton className="h-11 w-full" />
        )}
        {saveSecurity.isError ? (
          <FormAlert title={t('failedTitle')}>{problemDetail(problemOf(saveSecurity.error))}</FormAlert>
        ) : null}
      </section>
    </RequirePermission>
  );
}
