import type { ReactNode } from 'react';
import { SiteFooter } from '../../modules/site/components/site-footer';
import { SiteHeader } from '../../modules/site/components/site-header';

/** The frame of the sign-in screens: the site's header and footer around one centred card. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="main" tabIndex={-1} className="flex-1 px-4 py-12 focus-visible:outline-none sm:px-6 sm:py-20">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
