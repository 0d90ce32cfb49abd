import { safeReturnTo } from '@ontrack/schemas/auth-oidc';
import type { Metadata } from 'next';
import { MfaView } from '../../../../modules/auth/views/mfa-view';

export const metadata: Metadata = { title: 'Two-step verification · OnTrack' };

export default async function MfaPage({ searchParams }: PageProps<'/sign-in/mfa'>) {
  const { returnTo } = await searchParams;
  // The single sign-on callback sends `returnTo` along; anything but a path of this app is dropped.
  return <MfaView returnTo={safeReturnTo(typeof returnTo === 'string' ? returnTo : undefined) ?? '/app'} />;
}
