'use client';

import { useLocale, useTimeZone } from 'next-intl';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { createFormatters, type Formatters } from './format';

const CurrencyContext = createContext<string>('USD');

/** Gives client components the business's currency (locale and time zone come from next-intl's provider). */
export function CurrencyProvider({ currency, children }: { currency: string; children: ReactNode }) {
  return <CurrencyContext.Provider value={currency}>{children}</CurrencyContext.Provider>;
}

/**
 * Money, numbers and dates for client components: the page's locale, the business's currency and time zone.
 * Server components use `getFormatters()` from i18n/server-format.ts.
 */
export function useFormatters(): Formatters {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? 'UTC';
  const currency = useContext(CurrencyContext);
  return useMemo(() => createFormatters({ locale, currency, timeZone }), [locale, currency, timeZone]);
}
