import { useTranslations } from 'next-intl';
import { SiteFooter } from '../../site/components/site-footer';
import { SiteHeader } from '../../site/components/site-header';

// The five steps of the flow and the three audiences, in page order (their text is in messages/<locale>/*.json).
const STEPS = ['lead', 'estimate', 'job', 'invoice', 'payment'] as const;
const AUDIENCES = ['office', 'crews', 'clients'] as const;

export function HomeView() {
  const t = useTranslations('home');
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="main" tabIndex={-1} className="flex-1 focus-visible:outline-none">
        <section aria-labelledby="hero-heading" className="bg-brand-navy text-white">
          <div className="mx-auto max-w-6xl px-4 pt-12 pb-20 sm:px-6 sm:pt-20 sm:pb-28">
            <p className="font-semibold text-brand-green">{t('eyebrow')}</p>
            <h1 id="hero-heading" className="mt-4 max-w-3xl text-balance text-4xl font-bold tracking-tight sm:text-6xl">
              {t('title')}
            </h1>
            <p className="mt-6 max-w-2xl text-lg text-slate-200 sm:text-xl">{t('intro')}</p>
            <a
              href="#how-it-works"
              className="mt-10 inline-flex min-h-12 items-center rounded-md bg-brand-green px-6 text-lg font-semibold text-brand-navy transition-colors hover:bg-brand-green-light focus-visible:outline-white"
            >
              {t('cta')}
            </a>
          </div>
        </section>

        <section id="how-it-works" aria-labelledby="how-heading" className="scroll-mt-4">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
            <h2 id="how-heading" className="text-3xl font-bold tracking-tight">
              {t('howTitle')}
            </h2>
            <p className="mt-4 max-w-2xl text-lg text-muted-foreground">{t('howIntro')}</p>
            <ol className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-5">
              {STEPS.map((step, index) => (
                <li key={step} className="rounded-lg border border-border bg-surface p-5">
                  <span
                    aria-hidden="true"
                    className="inline-flex size-9 items-center justify-center rounded-full bg-accent font-bold text-accent-foreground"
                  >
                    {index + 1}
                  </span>
                  <h3 className="mt-4 text-lg font-semibold">{t(`steps.${step}.name`)}</h3>
                  <p className="mt-2 text-muted-foreground">{t(`steps.${step}.text`)}</p>
                </li>
              ))}
            </ol>
          </div>
        </section>

        <section
          id="who-its-for"
          aria-labelledby="who-heading"
          className="scroll-mt-4 border-t border-border bg-surface"
        >
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
            <h2 id="who-heading" className="text-3xl font-bold tracking-tight">
              {t('whoTitle')}
            </h2>
            <ul className="mt-10 grid gap-6 md:grid-cols-3">
              {AUDIENCES.map((audience) => (
                <li key={audience} className="rounded-lg border-l-4 border-accent bg-background p-6 shadow-sm">
                  <h3 className="text-xl font-semibold">{t(`audiences.${audience}.name`)}</h3>
                  <p className="mt-2 text-muted-foreground">{t(`audiences.${audience}.text`)}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>
      </main>
      <SiteFooter />
    </div>
  );
}
