import { publicFormSmsConsentText } from '@ontrack/schemas/leads';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { FormAlert } from '../../../../modules/auth/components/form-alert';
import { findPublicBusiness } from '../../../../modules/auth/server-api';
import { submitPublicRequest } from '../../../../modules/public-request/public-request-action';
import {
  publicRequestMessages,
  publicRequestTranslator,
} from '../../../../modules/public-request/public-request-messages';
import { PublicRequestView } from '../../../../modules/public-request/views/public-request-view';

export async function generateMetadata({ params }: PageProps<'/r/[slug]'>): Promise<Metadata> {
  const { slug } = await params;
  const lookup = await findPublicBusiness(slug);
  if (lookup.status !== 'found') {
    const t = await getTranslations('metadata');
    return { title: t('titleTemplate', { page: t('notFound') }) };
  }
  const t = await publicRequestTranslator(lookup.business.locale);
  return { title: t('metaTitle', { business: lookup.business.name }) };
}

/**
 * A business's public request form at /r/{slug}: no sign-in, embeddable in an iframe on the business's own
 * site (proxy.ts sends `frame-ancestors *` for /r/* only). Unknown slugs are a 404. The whole form is in the
 * business's language: the SMS consent wording is recorded in it (see public-request-messages.ts).
 */
export default async function PublicRequestPage({ params }: PageProps<'/r/[slug]'>) {
  const { slug } = await params;
  const lookup = await findPublicBusiness(slug);
  if (lookup.status === 'missing') notFound();
  if (lookup.status === 'unavailable') {
    const t = await getTranslations('publicRequest');
    return (
      <>
        <h1 className="text-2xl font-bold tracking-tight">{t('unavailableTitle')}</h1>
        <div className="mt-4">
          <FormAlert>{t('unavailable')}</FormAlert>
        </div>
      </>
    );
  }
  const { business } = lookup;
  const locale = business.locale;
  return (
    <NextIntlClientProvider locale={locale} messages={{ publicRequest: await publicRequestMessages(locale) }}>
      <div lang={locale}>
        <PublicRequestView
          slug={business.slug}
          businessName={business.name}
          smsConsentText={publicFormSmsConsentText(business.name, locale)}
          action={submitPublicRequest.bind(null, business.slug)}
        />
      </div>
    </NextIntlClientProvider>
  );
}
