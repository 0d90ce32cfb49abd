'use server';

import { cookies } from 'next/headers';
import { isAppLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from './locales';

/**
 * The language switcher's action: remembers the visitor's language in a cookie. Setting a cookie in a server
 * action makes Next render the current page again, now in that language (<html lang> included). It works
 * without JavaScript too: the switcher is a plain form.
 */
export async function changeLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isAppLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: 'lax',
    httpOnly: true,
    secure: true,
  });
}
