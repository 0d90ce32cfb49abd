import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { listSignInProviders } from '../../../modules/auth/server-api';
import { SignInView } from '../../../modules/auth/views/sign-in-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('metadata');
  return { title: t('titleTemplate', { page: t('signIn') }) };
}

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const { error } = await searchParams;
  const providers = await listSignInProviders();
  return <SignInView providers={providers} errorCode={typeof error === 'string' ? error : undefined} />;
}
