import { BrandMark } from '@ontrack/ui/brand-mark';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { LanguageSwitcher } from '../../../i18n/language-switcher';

// The header sits on the fixed brand navy in every colour scheme, so its focus ring is the brand green
// rather than the theme's ring colour (navy in light mode, which would vanish here).
const navLink =
  'inline-flex min-h-11 items-center rounded-md px-3 font-medium text-white underline-offset-4 ' +
  'hover:underline focus-visible:outline-brand-green';

export function SiteHeader() {
  const t = useTranslations('site');
  return (
    <header className="bg-brand-navy text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="inline-flex min-h-11 items-center rounded-md focus-visible:outline-brand-green">
          <BrandMark />
        </Link>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <nav aria-label={t('primaryNav')}>
            <ul className="flex flex-wrap gap-1">
              <li>
                <Link href="/#how-it-works" className={navLink}>
                  {t('howItWorks')}
                </Link>
              </li>
              <li>
                <Link href="/#who-its-for" className={navLink}>
                  {t('whoItsFor')}
                </Link>
              </li>
            </ul>
          </nav>
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
