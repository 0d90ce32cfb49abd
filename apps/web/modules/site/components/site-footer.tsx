import { BrandMark } from '@ontrack/ui/brand-mark';
import { useTranslations } from 'next-intl';

export function SiteFooter() {
  const t = useTranslations('site');
  return (
    <footer className="border-t border-border bg-surface">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-8 text-muted-foreground sm:px-6">
        <BrandMark size="sm" className="text-foreground" />
        <p className="text-sm">{t('footerTagline')}</p>
      </div>
    </footer>
  );
}
