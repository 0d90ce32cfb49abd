import { BrandMark } from '@ontrack/ui/brand-mark';
import { buttonClassName } from '@ontrack/ui/button';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RetryButton } from './retry-button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('metadata');
  return { title: t('titleTemplate', { page: t('offline') }), robots: { index: false, follow: false } };
}

/**
 * What the service worker shows when a page cannot be reached (pwa/sw.ts): stored on the device in the
 * visitor's language, with nothing in it that needs the network or an account.
 */
export default async function OfflinePage() {
  const t = await getTranslations('offline');
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="bg-brand-navy text-white">
        <div className="mx-auto flex max-w-6xl items-center px-4 py-3 sm:px-6">
          <BrandMark />
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto flex w-full max-w-6xl flex-1 flex-col items-start gap-6 px-4 py-16 focus-visible:outline-none sm:px-6"
      >
        <h1 className="text-balance text-4xl font-bold tracking-tight">{t('title')}</h1>
        <p className="max-w-prose text-lg text-muted-foreground">{t('text')}</p>
        <div className="flex flex-wrap gap-3">
          <RetryButton label={t('retry')} />
          {/* A plain link: the home page may be reachable again even when the page asked for is not. */}
          <a href="/" className={buttonClassName({ variant: 'secondary', size: 'lg' })}>
            {t('home')}
          </a>
        </div>
      </main>
    </div>
  );
}
