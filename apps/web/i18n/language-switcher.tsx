import { getLocale, getTranslations } from 'next-intl/server';
import { changeLocale } from './locale-actions';
import { LOCALE_NAMES, LOCALES } from './locales';

/**
 * The language choice of visitors who are not signed in (the header of the public and sign-in pages). Each
 * language is named in itself and marked with its `lang`, so a screen reader pronounces "Español" in Spanish;
 * the current one is a pressed toggle.
 */
export async function LanguageSwitcher({ className }: { className?: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('site.language')]);
  return (
    <form action={changeLocale} aria-label={t('label')} className={className}>
      <ul className="flex gap-1">
        {LOCALES.map((option) => (
          <li key={option}>
            <button
              type="submit"
              name="locale"
              value={option}
              lang={option}
              aria-pressed={option === locale}
              className="inline-flex min-h-11 items-center rounded-md px-3 font-medium text-white underline-offset-4 hover:underline focus-visible:outline-brand-green aria-pressed:bg-white/15 aria-pressed:underline"
            >
              {LOCALE_NAMES[option]}
            </button>
          </li>
        ))}
      </ul>
    </form>
  );
}
