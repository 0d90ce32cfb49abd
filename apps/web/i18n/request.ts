import { getRequestConfig } from 'next-intl/server';
import type { AppLocale } from './locales';
import { getRegionalSettings } from './regional-settings';

// One import per locale, so a request loads only the messages of its own language.
const MESSAGES = {
  en: () => import('../messages/en'),
  es: () => import('../messages/es'),
} satisfies Record<AppLocale, () => Promise<{ default: unknown }>>;

/**
 * next-intl without i18n routing: no locale in the URL; each request's locale comes from the account, the
 * switcher's cookie or the browser (i18n/locales.ts `resolveLocale`).
 */
export default getRequestConfig(async () => {
  const { locale, timeZone } = await getRegionalSettings();
  return { locale, timeZone, messages: (await MESSAGES[locale]()).default };
});
