import { BrandMark } from '@ontrack/ui/brand-mark';
import Link from 'next/link';

// The header sits on the fixed brand navy in every colour scheme, so its focus ring is the brand green
// rather than the theme's ring colour (navy in light mode, which would vanish here).
const navLink =
  'inline-flex min-h-11 items-center rounded-md px-3 font-medium text-white underline-offset-4 ' +
  'hover:underline focus-visible:outline-brand-green';

export function SiteHeader() {
  return (
    <header className="bg-brand-navy text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="inline-flex min-h-11 items-center rounded-md focus-visible:outline-brand-green">
          <BrandMark />
        </Link>
        <nav aria-label="Primary">
          <ul className="flex flex-wrap gap-1">
            <li>
              <Link href="/#how-it-works" className={navLink}>
                How it works
              </Link>
            </li>
            <li>
              <Link href="/#who-its-for" className={navLink}>
                Who it’s for
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
