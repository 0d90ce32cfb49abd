'use client';

import type { ContactView } from '@ontrack/schemas/contacts';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useFormatters } from '../../../i18n/regional-settings-provider';
import { displayPhone } from '../contact-display';

const link = 'inline-flex min-h-11 items-center break-all underline underline-offset-4';

/** How to reach the contact and what the office knows: read-only (the edit form replaces it). */
export function ContactDetails({ contact }: { contact: ContactView }) {
  const t = useTranslations('contacts');
  const formatters = useFormatters();
  const emails = [contact.email, ...contact.emails].filter((value): value is string => Boolean(value));
  const phones = [contact.phone, ...contact.phones].filter((value): value is string => Boolean(value));

  return (
    <section aria-labelledby="contact-details-heading" className="space-y-3">
      <h2 id="contact-details-heading" className="text-2xl font-semibold">
        {t('detail.detailsHeading')}
      </h2>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[minmax(8rem,12rem)_1fr]">
        <Row label={t('form.email')}>
          {emails.length ? (
            <ul>
              {emails.map((email, index) => (
                <li key={email}>
                  <a href={`mailto:${email}`} className={link}>
                    {email}
                  </a>
                  {index === 0 && contact.email ? (
                    <span className="ms-2 text-sm text-muted-foreground">{t('detail.primary')}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <None />
          )}
        </Row>
        <Row label={t('form.phone')}>
          {phones.length ? (
            <ul>
              {phones.map((phone, index) => (
                <li key={phone}>
                  <a href={`tel:${phone}`} className={link}>
                    {displayPhone(phone)}
                  </a>
                  {index === 0 && contact.phone ? (
                    <span className="ms-2 text-sm text-muted-foreground">{t('detail.primary')}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <None />
          )}
        </Row>
        <Row label={t('form.companyName')}>{contact.companyName ?? <None />}</Row>
        <Row label={t('form.preferredChannel')}>{t(`form.channels.${contact.preferredChannel}`)}</Row>
        <Row label={t('form.locale')}>
          {contact.locale === 'es' ? 'Español' : contact.locale === 'en' ? 'English' : t('form.locales.business')}
        </Row>
        <Row label={t('form.notes')}>
          {contact.notes ? <p className="whitespace-pre-wrap break-words">{contact.notes}</p> : <None />}
        </Row>
        <Row label={t('detail.created')}>{formatters.dateTime(contact.createdAt)}</Row>
        <Row label={t('detail.updated')}>{formatters.dateTime(contact.updatedAt)}</Row>
      </dl>
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="font-semibold">{label}</dt>
      <dd className="mb-2 sm:mb-0">{children}</dd>
    </div>
  );
}

function None() {
  const t = useTranslations('contacts.list');
  return <span className="text-muted-foreground">{t('none')}</span>;
}
