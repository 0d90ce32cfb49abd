'use client';

import { Button } from '@ontrack/ui/button';
import { cn, focusRing } from '@ontrack/ui/class-names';
import { FormField } from '@ontrack/ui/form-field';
import { Input } from '@ontrack/ui/input';
import { Textarea } from '@ontrack/ui/textarea';
import { toast } from '@ontrack/ui/toast-store';
import { useTranslations } from 'next-intl';
import { useRef, useSyncExternalStore } from 'react';
import { embedSnippet } from '../embed-snippet';

const noSubscription = () => () => {};

/** The web app's origin as the browser reaches it: the address customers use too. */
function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => '',
  );
}

/**
 * The business's public request form: its address to share, and the snippet to embed it in the business's
 * own website, each with a copy button. Shown in the business settings.
 */
export function PublicFormLink({ slug, businessName }: { slug: string; businessName: string }) {
  const t = useTranslations('settings.publicForm');
  const origin = useOrigin();
  const linkRef = useRef<HTMLInputElement>(null);
  const snippetRef = useRef<HTMLTextAreaElement>(null);
  const url = `${origin}/r/${slug}`;
  const snippet = embedSnippet(url, t('iframeTitle', { business: businessName }));

  async function copy(text: string, field: HTMLInputElement | HTMLTextAreaElement | null, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      toast({ title: t('copied', { what }), variant: 'success' });
    } catch {
      // No clipboard access (an old browser, a denied permission): select it for a manual copy.
      field?.focus();
      field?.select();
      toast({ title: t('copyManually') });
    }
  }

  return (
    <section aria-labelledby="public-form-heading" className="max-w-2xl space-y-4 border-t border-border pt-6">
      <h2 id="public-form-heading" className="text-xl font-semibold">
        {t('heading')}
      </h2>
      <p className="text-muted-foreground">{t('intro')}</p>
      <FormField label={t('link')} hint={t('linkHint')}>
        <Input ref={linkRef} readOnly value={origin ? url : ''} spellCheck={false} onFocus={(e) => e.target.select()} />
      </FormField>
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" disabled={!origin} onClick={() => copy(url, linkRef.current, t('linkWhat'))}>
          {t('copyLink')}
        </Button>
        <a
          href={`/r/${slug}`}
          target="_blank"
          rel="noopener"
          className={cn('inline-flex min-h-11 items-center font-semibold underline underline-offset-4', focusRing)}
        >
          {t('open')}
          <span className="sr-only"> {t('newTab')}</span>
        </a>
      </div>
      <FormField label={t('embed')} hint={t('embedHint')}>
        <Textarea
          ref={snippetRef}
          readOnly
          rows={4}
          value={origin ? snippet : ''}
          spellCheck={false}
          className="font-mono text-sm"
          onFocus={(e) => e.target.select()}
        />
      </FormField>
      <Button variant="secondary" disabled={!origin} onClick={() => copy(snippet, snippetRef.current, t('embedWhat'))}>
        {t('copyEmbed')}
      </Button>
    </section>
  );
}
