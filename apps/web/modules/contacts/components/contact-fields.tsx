'use client';

import { CONTACT_KINDS } from '@ontrack/schemas/crm-constants';
import { FormField } from '@ontrack/ui/form-field';
import { Input } from '@ontrack/ui/input';
import { NativeSelect } from '@ontrack/ui/native-select';
import { Textarea } from '@ontrack/ui/textarea';
import { useTranslations } from 'next-intl';
import type { Dispatch, SetStateAction } from 'react';
import { CHANNELS, CONTACT_LOCALES, type ContactDraft, type ContactField } from '../contact-form';

/** The element id of a field, so a submit with errors can move focus to the first of them. */
export const contactFieldId = (prefix: string, field: ContactField) => `${prefix}-${field}`;

/**
 * The fields of a contact, shared by "New contact" and the contact's edit form. `errors` are the messages to
 * show under each field (the page's own checks, or the API's field errors).
 */
export function ContactFields({
  idPrefix,
  draft,
  setDraft,
  errors,
  creating,
}: {
  idPrefix: string;
  draft: ContactDraft;
  setDraft: Dispatch<SetStateAction<ContactDraft>>;
  errors: Partial<Record<string, string>>;
  /** On create the channel may be left to the API ("automatic"). */
  creating: boolean;
}) {
  const t = useTranslations('contacts.form');
  const set =
    <K extends ContactField>(field: K) =>
    (event: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [field]: event.target.value as ContactDraft[K] }));
  const id = (field: ContactField) => contactFieldId(idPrefix, field);

  return (
    <div className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={id('kind')} label={t('kind')} error={errors.kind}>
          <NativeSelect value={draft.kind} onChange={set('kind')}>
            {CONTACT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField
          id={id('displayName')}
          label={draft.kind === 'company' ? t('companyDisplayName') : t('displayName')}
          error={errors.displayName}
          required
        >
          <Input value={draft.displayName} onChange={set('displayName')} maxLength={200} autoComplete="off" />
        </FormField>
      </div>
      <FormField id={id('companyName')} label={t('companyName')} hint={t('companyNameHint')} error={errors.companyName}>
        <Input value={draft.companyName} onChange={set('companyName')} maxLength={200} autoComplete="off" />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={id('email')} label={t('email')} error={errors.email}>
          <Input
            type="email"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            value={draft.email}
            onChange={set('email')}
            maxLength={254}
          />
        </FormField>
        <FormField id={id('phone')} label={t('phone')} hint={t('phoneHint')} error={errors.phone}>
          <Input
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={draft.phone}
            onChange={set('phone')}
            maxLength={32}
          />
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={id('emails')} label={t('emails')} hint={t('listHint')} error={errors.emails}>
          <Textarea rows={2} spellCheck={false} value={draft.emails} onChange={set('emails')} />
        </FormField>
        <FormField id={id('phones')} label={t('phones')} hint={t('listHint')} error={errors.phones}>
          <Textarea rows={2} value={draft.phones} onChange={set('phones')} />
        </FormField>
      </div>
      <FormField id={id('tags')} label={t('tags')} hint={t('tagsHint')} error={errors.tags}>
        <Input value={draft.tags} onChange={set('tags')} autoComplete="off" />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={id('preferredChannel')} label={t('preferredChannel')} error={errors.preferredChannel}>
          <NativeSelect value={draft.preferredChannel} onChange={set('preferredChannel')}>
            {creating ? <option value="">{t('channels.automatic')}</option> : null}
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channels.${channel}`)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id={id('locale')} label={t('locale')} error={errors.locale}>
          <NativeSelect value={draft.locale} onChange={set('locale')}>
            <option value="">{t('locales.business')}</option>
            {CONTACT_LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {locale === 'en' ? 'English' : 'Español'}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      <FormField id={id('notes')} label={t('notes')} error={errors.notes}>
        <Textarea rows={3} value={draft.notes} onChange={set('notes')} maxLength={10_000} />
      </FormField>
    </div>
  );
}
