import type { Metadata } from 'next';
import { CheckEmailView } from '../../../../modules/auth/views/check-email-view';

export const metadata: Metadata = { title: 'Check your email · OnTrack' };

export default async function CheckEmailPage({ searchParams }: PageProps<'/sign-in/check-email'>) {
  const { email } = await searchParams;
  return <CheckEmailView email={typeof email === 'string' && email.length <= 254 ? email : undefined} />;
}
