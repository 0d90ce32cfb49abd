import { createTranslator } from 'next-intl';
import type { AppLocale } from '../../i18n/locales';

// The form speaks the business's language, whoever visits: the SMS consent it shows is recorded word for word
// in that language (publicFormSmsConsentText), and the rest of the form must match it. So its messages are
// loaded for the business's locale, not the request's (one import per locale, as in i18n/request.ts).
const MESSAGES = {
  en: () => import('../../messages/en/publicRequest.json'),
  es: () => import('../../messages/es/publicRequest.json'),
} satisfies Record<AppLocale, () => Promise<{ default: unknown }>>;

export async function publicRequestMessages(locale: AppLocale) {
  return (await MESSAGES[locale]()).default;
}

/** Server-side translations of the form in the business's language (metadata, the unavailable state). */
export async function publicRequestTranslator(locale: AppLocale) {
  const messages = { publicRequest: await publicRequestMessages(locale) };
  return createTranslator({ locale, messages, namespace: 'publicRequest' });
}
