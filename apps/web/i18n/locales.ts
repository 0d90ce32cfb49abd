/** The languages the web app is translated into; `messages/<locale>/` exists for each. */
export const LOCALES = ['en', 'es'] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'en';

/** The anonymous visitor's choice from the language switcher (a year, readable by the server only on request). */
export const LOCALE_COOKIE = 'NEXT_LOCALE';
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** The language names as each language writes its own, for the switcher. */
export const LOCALE_NAMES: Record<AppLocale, string> = { en: 'English', es: 'Español' };

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A stored locale ("es", "es-MX", "EN") reduced to a language the app has, or undefined. */
export function toAppLocale(value: string | null | undefined): AppLocale | undefined {
  if (!value) return undefined;
  const language = value.trim().toLowerCase().split(/[-_]/)[0];
  return isAppLocale(language) ? language : undefined;
}

/**
 * The best language of an Accept-Language header ("es-MX,es;q=0.9,en;q=0.8") that the app has: entries by
 * descending q (ties keep their order), `q=0` meaning "not this one", regional tags falling back to their language.
 */
export function matchAcceptLanguage(header: string | null | undefined): AppLocale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag && tag !== '*' && Number.isFinite(q) && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = toAppLocale(tag);
    if (locale) return locale;
  }
  return undefined;
}

export interface LocaleSources {
  /** The signed-in user's own choice (`GET /api/v1/me` → `locale`), when set. */
  user?: string | null;
  /** The language of the business the user works in (`GET /api/v1/tenant` → `locale`). */
  tenant?: string | null;
  /** The switcher's cookie, for visitors who are not signed in. */
  cookie?: string | null;
  acceptLanguage?: string | null;
}

/**
 * Which language a page is rendered in: the user's, then their business's, then the visitor's own choice on
 * the sign-in pages, then the browser's languages, then English. Someone signed in sees the language their
 * account asks for on every device; the cookie only speaks for people the app does not know yet.
 */
export function resolveLocale(sources: LocaleSources): AppLocale {
  return (
    toAppLocale(sources.user) ??
    toAppLocale(sources.tenant) ??
    toAppLocale(sources.cookie) ??
    matchAcceptLanguage(sources.acceptLanguage) ??
    DEFAULT_LOCALE
  );
}
