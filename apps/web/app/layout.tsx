import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { getRegionalSettings } from '../i18n/regional-settings';
import { CurrencyProvider } from '../i18n/regional-settings-provider';
import { ServiceWorkerRegistration } from '../pwa/service-worker-registration';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('metadata');
  return {
    title: t('title'),
    description: t('description'),
    applicationName: 'OnTrack',
    appleWebApp: { capable: true, title: 'OnTrack', statusBarStyle: 'default' },
    icons: { icon: '/icons/icon.svg', apple: '/icons/apple-touch-icon.png' },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#0f3659' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1526' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, never prerendered: the CSP nonce proxy.ts makes for each response must be on the
  // page's scripts (docs/security.md).
  await connection();
  // The language of the account, the business or the visitor (docs/web.md), resolved once per request.
  const { locale, currency } = await getRegionalSettings();
  const t = await getTranslations('common');
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        {/* Messages, locale and time zone reach client components from i18n/request.ts through this provider. */}
        <NextIntlClientProvider>
          <CurrencyProvider currency={currency}>
            {/* Every page renders <main id="main">, the target of this link. */}
            <a
              href="#main"
              className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-background focus:px-4 focus:py-3 focus:font-semibold focus:text-foreground focus:shadow-lg"
            >
              {t('skipToContent')}
            </a>
            {children}
            <ServiceWorkerRegistration />
          </CurrencyProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
