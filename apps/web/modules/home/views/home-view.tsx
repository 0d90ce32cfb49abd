import { SiteFooter } from '../../site/components/site-footer';
import { SiteHeader } from '../../site/components/site-header';

const steps = [
  {
    name: 'Lead',
    text: 'Capture enquiries from your website, phone calls and referrals, and follow up before they go cold.',
  },
  {
    name: 'Estimate',
    text: 'Price the work line by line, send a clear estimate and let the client approve it online.',
  },
  {
    name: 'Job',
    text: 'Schedule crews, share site details and checklists, and follow progress as it happens in the field.',
  },
  {
    name: 'Invoice',
    text: 'Turn finished work into an invoice without retyping a thing, and send it the day the job is done.',
  },
  {
    name: 'Payment',
    text: 'Let clients pay by card or bank transfer, and see at a glance what is paid and what is overdue.',
  },
] as const;

const audiences = [
  {
    name: 'Office staff',
    text: 'Keep the pipeline, the schedule and the cash flow in one view, without chasing anyone for updates.',
  },
  {
    name: 'Field crews',
    text: 'See the day’s jobs on a phone, even with poor signal, and log time, notes and photos on site.',
  },
  {
    name: 'Clients',
    text: 'Approve estimates, follow the work and pay invoices from a simple portal on any device.',
  },
] as const;

export function HomeView() {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="main" tabIndex={-1} className="flex-1 focus-visible:outline-none">
        <section aria-labelledby="hero-heading" className="bg-brand-navy text-white">
          <div className="mx-auto max-w-6xl px-4 pt-12 pb-20 sm:px-6 sm:pt-20 sm:pb-28">
            <p className="font-semibold text-brand-green">The operations platform for contracting businesses</p>
            <h1 id="hero-heading" className="mt-4 max-w-3xl text-balance text-4xl font-bold tracking-tight sm:text-6xl">
              Every job on track, from first call to final payment.
            </h1>
            <p className="mt-6 max-w-2xl text-lg text-slate-200 sm:text-xl">
              OnTrack brings leads, estimates, jobs, invoices and payments together for landscapers, remodelers,
              cleaners and every trade in between, so the office, the crew and the client work from the same plan.
            </p>
            <a
              href="#how-it-works"
              className="mt-10 inline-flex min-h-12 items-center rounded-md bg-brand-green px-6 text-lg font-semibold text-brand-navy transition-colors hover:bg-brand-green-light focus-visible:outline-white"
            >
              See how it works
            </a>
          </div>
        </section>

        <section id="how-it-works" aria-labelledby="how-heading" className="scroll-mt-4">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
            <h2 id="how-heading" className="text-3xl font-bold tracking-tight">
              From lead to paid, in one flow
            </h2>
            <p className="mt-4 max-w-2xl text-lg text-muted-foreground">
              Each step hands its work to the next, so nothing is copied between spreadsheets and nothing slips.
            </p>
            <ol className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-5">
              {steps.map((step, index) => (
                <li key={step.name} className="rounded-lg border border-border bg-surface p-5">
                  <span
                    aria-hidden="true"
                    className="inline-flex size-9 items-center justify-center rounded-full bg-accent font-bold text-accent-foreground"
                  >
                    {index + 1}
                  </span>
                  <h3 className="mt-4 text-lg font-semibold">{step.name}</h3>
                  <p className="mt-2 text-muted-foreground">{step.text}</p>
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
              One plan for everyone on the job
            </h2>
            <ul className="mt-10 grid gap-6 md:grid-cols-3">
              {audiences.map((audience) => (
                <li key={audience.name} className="rounded-lg border-l-4 border-accent bg-background p-6 shadow-sm">
                  <h3 className="text-xl font-semibold">{audience.name}</h3>
                  <p className="mt-2 text-muted-foreground">{audience.text}</p>
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
