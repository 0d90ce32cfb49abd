import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

/** The document title of a signed-in page: "<page> · OnTrack", in the page's language. */
export async function pageMetadata(page: string): Promise<Metadata> {
  const t = await getTranslations('metadata');
  return { title: t('titleTemplate', { page }) };
}
