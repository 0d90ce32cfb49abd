import { describe, expect, it } from 'vitest';
import { matchAcceptLanguage, resolveLocale, toAppLocale } from './locales';

describe('toAppLocale', () => {
  it('reduces regional and differently cased tags to a language the app has', () => {
    expect(toAppLocale('es-MX')).toBe('es');
    expect(toAppLocale('EN_us')).toBe('en');
    expect(toAppLocale('fr')).toBeUndefined();
    expect(toAppLocale('')).toBeUndefined();
    expect(toAppLocale(null)).toBeUndefined();
  });
});

describe('matchAcceptLanguage', () => {
  it('takes the highest-ranked language the app has', () => {
    expect(matchAcceptLanguage('fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7')).toBe('es');
    expect(matchAcceptLanguage('en;q=0.5, es-419;q=0.9')).toBe('es');
    expect(matchAcceptLanguage('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
  });

  it('keeps the header order on equal weights and skips refused or wildcard entries', () => {
    expect(matchAcceptLanguage('en, es')).toBe('en');
    expect(matchAcceptLanguage('es;q=0, en;q=0.1')).toBe('en');
    expect(matchAcceptLanguage('*')).toBeUndefined();
    expect(matchAcceptLanguage('de, fr')).toBeUndefined();
    expect(matchAcceptLanguage(undefined)).toBeUndefined();
  });
});

describe('resolveLocale', () => {
  it('prefers the user, then the business, then the cookie, then the browser, then English', () => {
    const all = { user: 'es', tenant: 'en', cookie: 'en', acceptLanguage: 'en' };
    expect(resolveLocale(all)).toBe('es');
    expect(resolveLocale({ ...all, user: null })).toBe('en');
    expect(resolveLocale({ user: null, tenant: 'es', cookie: 'en', acceptLanguage: 'en' })).toBe('es');
    expect(resolveLocale({ cookie: 'es', acceptLanguage: 'en-US' })).toBe('es');
    expect(resolveLocale({ cookie: 'xx', acceptLanguage: 'es-AR,es;q=0.9' })).toBe('es');
    expect(resolveLocale({ acceptLanguage: 'de-DE' })).toBe('en');
    expect(resolveLocale({})).toBe('en');
  });
});
