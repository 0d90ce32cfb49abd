import { buttonClassName } from '@ontrack/ui/button';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { SiteFooter } from '../components/site-footer';
import { SiteHeader } from '../components/site-header';

export function NotFoundView() {
  const t = useTranslations('notFound');
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main
        id="main"
        tabIndex={-1}
        className="focus-visible:outline-none mx-auto flex w-full max-w-6xl flex-1 flex-col items-start gap-6 px-4 py-16 sm:px-6"
      >
        <p className="font-semibold text-muted-foreground">{t('eyebrow')}</p>
        <h1 className="text-balance text-4xl font-bold tracking-tight">{t('title')}</h1>
        <p className="max-w-prose text-lg text-muted-foreground">{t('text')}</p>
        <Link href="/" className={buttonClassName({ size: 'lg' })}>
          {t('home')}
        </Link>
      </main>
      <SiteFooter />
    </div>
  );
}
