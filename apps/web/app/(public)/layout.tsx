import type { ReactNode } from 'react';

/**
 * Pages for people the business does not know yet, made to be framed on other sites (the request form): no
 * site header, no session, no data layer; just the page, centred, on a plain background that suits an iframe.
 */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="px-4 py-8 focus-visible:outline-none sm:px-6 sm:py-12">
      <div className="mx-auto w-full max-w-xl">{children}</div>
    </main>
  );
}
