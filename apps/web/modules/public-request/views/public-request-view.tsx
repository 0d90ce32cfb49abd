'use client';

import { Button } from '@ontrack/ui/button';
import { cn, focusRing } from '@ontrack/ui/class-names';
import { FormField } from '@ontrack/ui/form-field';
import { Input } from '@ontrack/ui/input';
import { Textarea } from '@ontrack/ui/textarea';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import type { PublicRequestField, PublicRequestFieldError, PublicRequestState } from '../public-request-state';

type Action = (previous: PublicRequestState, form: FormData) => Promise<PublicRequestState>;

const fieldId = (field: string) => `request-${field}`;

/**
 * A business's public request form (/r/{slug}, also framed on the business's own site). A plain form posting
 * to a server action: without JavaScript the page comes back with the answer; with it, the same action runs
 * without a page load. The API checks the fields; this page names each refused one in the visitor's terms.
 */
export function PublicRequestView({
  slug,
  businessName,
  smsConsentText,
  action,
}: {
  slug: string;
  businessName: string;
  /** The wording the API records as the consent's evidence (in the business's language): shown as is. */
  smsConsentText: string;
  action: Action;
}) {
  const t = useTranslations('publicRequest');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const doneRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.status === 'sent') doneRef.current?.focus();
    else if (state.status === 'invalid' || state.status === 'failed') summaryRef.current?.focus();
  }, [state]);

  if (state.status === 'sent') {
    return (
      <div className="space-y-4">
        <h1
          ref={doneRef}
          tabIndex={-1}
          className="text-balance text-2xl font-bold tracking-tight focus-visible:outline-none sm:text-3xl"
        >
          {t('sent.title', { business: businessName })}
        </h1>
        <p role="status" className="text-lg text-muted-foreground">
          {t('sent.text')}
        </p>
        {/* A full load: the form starts over empty, with or without JavaScript. */}
        <a
          href={`/r/${slug}`}
          className={cn('inline-flex min-h-11 items-center font-semibold underline underline-offset-4', focusRing)}
        >
          {t('sent.another')}
        </a>
      </div>
    );
  }

  const values = state.status === 'invalid' || state.status === 'failed' ? state.values : {};
  const fieldErrors = state.status === 'invalid' ? state.fieldErrors : {};
  const message = (field: PublicRequestField | 'smsConsent') => fieldMessage(t, field, fieldErrors[field]);
  const refused = Object.keys(fieldErrors) as (PublicRequestField | 'smsConsent')[];

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-balance text-2xl font-bold tracking-tight sm:text-3xl">
          {t('title', { business: businessName })}
        </h1>
        <p className="text-lg text-muted-foreground">{t('intro', { business: businessName })}</p>
      </div>
      {state.status === 'invalid' ? (
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md border-l-4 border-red-700 bg-background p-4 focus-visible:outline-none dark:border-red-300"
        >
          <p className="font-semibold">{t('invalid', { count: refused.length })}</p>
          <ul className="mt-2 list-disc ps-5">
            {refused.map((field) => (
              <li key={field}>
                <a href={`#${fieldId(field)}`} className={cn('underline underline-offset-4', focusRing)}>
                  {message(field)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : state.status === 'failed' ? (
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md border-l-4 border-red-700 bg-background p-4 focus-visible:outline-none dark:border-red-300"
        >
          <p className="font-semibold">{t('failedTitle')}</p>
          <p className="mt-1">{t(`failed.${state.reason}`)}</p>
        </div>
      ) : null}
      {/* Keyed by attempt: a refused submission comes back with what was typed as the fields' defaults. */}
      <form
        key={state.status === 'idle' ? 0 : state.attempt}
        action={formAction}
        noValidate
        className="space-y-5"
        aria-busy={pending || undefined}
      >
        <FormField id={fieldId('name')} label={t('fields.name')} error={message('name')} required>
          <Input name="name" autoComplete="name" maxLength={200} defaultValue={values.name} />
        </FormField>
        <fieldset className="space-y-4">
          <legend className="text-sm text-muted-foreground">{t('reachHint')}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id={fieldId('email')} label={t('fields.email')} error={message('email')}>
              <Input name="email" type="email" inputMode="email" autoComplete="email" defaultValue={values.email} />
            </FormField>
            <FormField id={fieldId('phone')} label={t('fields.phone')} error={message('phone')}>
              <Input name="phone" type="tel" inputMode="tel" autoComplete="tel" defaultValue={values.phone} />
            </FormField>
          </div>
        </fieldset>
        <FormField id={fieldId('addressLine1')} label={t('fields.addressLine1')} error={message('addressLine1')}>
          <Input name="addressLine1" autoComplete="address-line1" maxLength={200} defaultValue={values.addressLine1} />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
          <FormField id={fieldId('city')} label={t('fields.city')} error={message('city')}>
            <Input name="city" autoComplete="address-level2" maxLength={100} defaultValue={values.city} />
          </FormField>
          <FormField id={fieldId('postalCode')} label={t('fields.postalCode')} error={message('postalCode')}>
            <Input name="postalCode" autoComplete="postal-code" maxLength={20} defaultValue={values.postalCode} />
          </FormField>
        </div>
        <FormField
          id={fieldId('requestedService')}
          label={t('fields.requestedService')}
          hint={t('fields.requestedServiceHint')}
          error={message('requestedService')}
          required
        >
          <Input name="requestedService" maxLength={200} defaultValue={values.requestedService} />
        </FormField>
        <FormField id={fieldId('message')} label={t('fields.message')} error={message('message')}>
          <Textarea name="message" rows={4} maxLength={5000} defaultValue={values.message} />
        </FormField>
        <FormField
          id={fieldId('smsConsent')}
          label={<span className="font-normal">{smsConsentText}</span>}
          error={message('smsConsent')}
          layout="inline"
        >
          {/* A native checkbox: it must be ticked and submitted without JavaScript too. */}
          <input
            type="checkbox"
            name="smsConsent"
            defaultChecked={values.smsConsent === true}
            className={cn('size-6 shrink-0 self-start accent-primary', focusRing)}
          />
        </FormField>
        {/* The honeypot: hidden from people and their assistive technology; bots that fill every field fill it. */}
        <div aria-hidden="true" className="sr-only">
          <label htmlFor={fieldId('website')}>{t('honeypot')}</label>
          <input id={fieldId('website')} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <Button type="submit" size="lg" disabled={pending}>
          {pending ? t('sending') : t('send')}
        </Button>
        <p className="text-sm text-muted-foreground">{t('privacy', { business: businessName })}</p>
      </form>
    </div>
  );
}

type Translate = ReturnType<typeof useTranslations<'publicRequest'>>;

/**
 * A refused field in the visitor's words. The API explains in English for developers; the zod issue code says
 * which case it is: `custom` is a rule across fields (no email and no phone; SMS without a phone; a street
 * without its city), anything else a value that is not right for the field itself.
 */
function fieldMessage(
  t: Translate,
  field: PublicRequestField | 'smsConsent',
  error: PublicRequestFieldError | undefined,
): string | undefined {
  if (!error) return undefined;
  const crossField = error.code === 'custom';
  switch (field) {
    case 'name':
      return t('errors.name');
    case 'email':
      return crossField ? t('errors.emailOrPhone') : t('errors.email');
    case 'phone':
      return crossField ? t('errors.phoneForSms') : t('errors.phone');
    case 'city':
      return crossField ? t('errors.cityWithStreet') : t('errors.tooLong');
    case 'requestedService':
      return error.code === 'too_big' ? t('errors.tooLong') : t('errors.requestedService');
    case 'addressLine1':
    case 'postalCode':
    case 'message':
      return t('errors.tooLong');
    default:
      return error.detail;
  }
}
