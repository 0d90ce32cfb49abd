import type { Metadata } from 'next';
import { listSignInProviders } from '../../../modules/auth/server-api';
import { SignInView } from '../../../modules/auth/views/sign-in-view';

export const metadata: Metadata = { title: 'Sign in · OnTrack' };

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const { error } = await searchParams;
  const providers = await listSignInProviders();
  return <SignInView providers={providers} errorCode={typeof error === 'string' ? error : undefined} />;
}
