import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '../../../../../modules/auth/components/auth-card';
import { FormAlert } from '../../../../../modules/auth/components/form-alert';
import { findPublicBusiness } from '../../../../../modules/auth/server-api';
import { SignInView } from '../../../../../modules/auth/views/sign-in-view';

export async function generateMetadata({ params }: PageProps<'/portal/[slug]/sign-in'>): Promise<Metadata> {
  const { slug } = await params;
  const t = await getTranslations('metadata');
  const lookup = await findPublicBusiness(slug);
  const page = lookup.status === 'found' ? lookup.business.name : t('signIn');
  return { title: t('titleTemplate', { page }) };
}

/**
 * A business's client portal sign-in: the link its emails point clients to. The emailed sign-in link is scoped
 * to this business, and the session it opens may act nowhere else. No single sign-on here: clients have no
 * company accounts.
 */
export default async function PortalSignInPage({ params }: PageProps<'/portal/[slug]/sign-in'>) {
  const { slug } = await params;
  const lookup = await findPublicBusiness(slug);
  if (lookup.status === 'missing') notFound();
  if (lookup.status === 'unavailable') {
    const t = await getTranslations('portal.signIn');
    return (
      <AuthCard title={t('unavailableTitle')}>
        <FormAlert>{t('unavailable')}</FormAlert>
      </AuthCard>
    );
  }
  const { business } = lookup;
  return <SignInView providers={[]} errorCode={undefined} portal={{ slug: business.slug, name: business.name }} />;
}
