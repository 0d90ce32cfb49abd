import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotFoundView } from '../modules/site/views/not-found-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('metadata');
  return { title: t('titleTemplate', { page: t('notFound') }) };
}

export default function NotFound() {
  return <NotFoundView />;
}
