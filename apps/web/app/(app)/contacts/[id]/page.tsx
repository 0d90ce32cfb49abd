import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ContactDetailView } from '../../../../modules/contacts/views/contact-detail-view';
import { pageMetadata } from '../../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../../modules/shell/require-session-cookie';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('contacts.detail');
  return pageMetadata(t('title'));
}

// An address that cannot name a contact is a 404 at once; for any other the view checks `contacts:read` and
// the API answers (404 for a contact of another business or one the person may not see).
export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  await requireSessionCookie();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  return <ContactDetailView id={id.toLowerCase()} />;
}
