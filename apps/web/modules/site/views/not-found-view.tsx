import { buttonClassName } from '@ontrack/ui/button';
import Link from 'next/link';
import { SiteFooter } from '../components/site-footer';
import { SiteHeader } from '../components/site-header';

export function NotFoundView() {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main
        id="main"
        tabIndex={-1}
        className="focus-visible:outline-none mx-auto flex w-full max-w-6xl flex-1 flex-col items-start gap-6 px-4 py-16 sm:px-6"
      >
        <p className="font-semibold text-muted-foreground">Error 404</p>
        <h1 className="text-balance text-4xl font-bold tracking-tight">Page not found</h1>
        <p className="max-w-prose text-lg text-muted-foreground">
          The page you asked for does not exist or has moved. Check the address, or start again from the home page.
        </p>
        <Link href="/" className={buttonClassName({ size: 'lg' })}>
          Go to the home page
        </Link>
      </main>
      <SiteFooter />
    </div>
  );
}
