'use client';

import type { APP_LOCALES } from '@ontrack/schemas/locales';
import { Button } from '@ontrack/ui/button';
import { FormField } from '@ontrack/ui/form-field';
import { Input } from '@ontrack/ui/input';
import { RadioGroup, RadioGroupOption } from '@ontrack/ui/radio-group';
import { Skeleton } from '@ontrack/ui/skeleton';
import { toast } from '@ontrack/ui/toast-store';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FormAlert } from '../../auth/components/form-alert';
import type { ProblemView } from '../../auth/problem';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { api, problemOf, unwrap } from '../../data/api-client';
import { shellKeys } from '../../shell/shell-context';
import { settingsApi } from '../settings-api';

const FOLLOW_BUSINESS = 'business';
type LanguageChoice = (typeof APP_LOCALES)[number] | typeof FOLLOW_BUSINESS;

/**
 * The person's own name and language (staff settings and the client portal alike). A new language reloads
 * the page: the whole app, its dates and its emails follow it.
 */
export function ProfileForm() {
  const t = useTranslations('settings.profile');
  const problemDetail = useProblemDetail();
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: shellKeys.me, queryFn: () => unwrap(() => api.GET('/api/v1/me')) });
  const [name, setName] = useState('');
  const [language, setLanguage] = useState<LanguageChoice>(FOLLOW_BUSINESS);
  const [nameError, setNameError] = useState<string>();
  const [problem, setProblem] = useState<ProblemView>();
  const nameRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  // The form starts from the account as loaded (and again if it changes elsewhere and is refetched).
  useEffect(() => {
    if (!me.data) return;
    setName(me.data.name);
    setLanguage(me.data.locale === 'en' || me.data.locale === 'es' ? me.data.locale : FOLLOW_BUSINESS);
  }, [me.data]);

  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);

  const save = useMutation({
    mutationFn: settingsApi.updateMe,
    onSuccess: (saved, patch) => {
      queryClient.setQueryData(shellKeys.me, saved);
      if (patch.locale !== undefined && patch.locale !== (me.data?.locale ?? null)) {
        window.location.reload();
        return;
      }
      toast({ title: t('saved'), variant: 'success' });
    },
    onError: (error) => {
      const refused = problemOf(error);
      if (refused.fieldErrors.name) {
        setNameError(refused.fieldErrors.name);
        nameRef.current?.focus();
      } else setProblem(refused);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(undefined);
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('nameMissing'));
      nameRef.current?.focus();
      return;
    }
    setNameError(undefined);
    save.mutate({ name: trimmed, locale: language === FOLLOW_BUSINESS ? null : language });
  }

  if (me.isPending) {
    return (
      <div aria-busy="true" className="space-y-4">
        <span className="sr-only">{t('loading')}</span>
        <Skeleton className="h-16 w-full" />
        <Skeleton className="h-32 w-full" />
      </div>
    );
  }
  if (me.isError) return <FormAlert title={t('failedTitle')}>{problemDetail(problemOf(me.error))}</FormAlert>;

  return (
    <form noValidate onSubmit={submit} className="max-w-xl space-y-6">
      {problem ? (
        <FormAlert alertRef={alertRef} title={t('failedTitle')}>
          {problemDetail(problem)}
        </FormAlert>
      ) : null}
      <FormField label={t('name')} hint={t('nameHint')} error={nameError} required>
        <Input
          ref={nameRef}
          autoComplete="name"
          maxLength={120}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </FormField>
      <FormField label={t('email')} hint={t('emailHint')}>
        <Input type="email" value={me.data.email} readOnly />
      </FormField>
      <FormField label={t('language')} hint={t('languageHint')} group>
        <RadioGroup value={language} onValueChange={(value) => setLanguage(value as LanguageChoice)}>
          <RadioGroupOption value={FOLLOW_BUSINESS} label={t('languageBusiness')} />
          <RadioGroupOption value="en" label="English" lang="en" />
          <RadioGroupOption value="es" label="Español" lang="es" />
        </RadioGroup>
      </FormField>
      <Button type="submit" size="lg" disabled={save.isPending}>
        {save.isPending ? t('saving') : t('save')}
      </Button>
    </form>
  );
}
