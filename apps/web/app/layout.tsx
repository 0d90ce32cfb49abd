import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'OnTrack',
  description:
    'OnTrack is the operations platform for contracting businesses: from lead to estimate to job to invoice ' +
    'to payment, for office staff, field crews and their clients.',
};

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
  return (
    <html lang="en">
      <body className="min-h-dvh">
        {/* Every page renders <main id="main">, the target of this link. */}
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-background focus:px-4 focus:py-3 focus:font-semibold focus:text-foreground focus:shadow-lg"
        >
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
