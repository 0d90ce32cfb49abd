import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ContactListView } from '../../../modules/contacts/views/contact-list-view';
import { pageMetadata } from '../../../modules/shell/page-title';
import { requireSessionCookie } from '../../../modules/shell/require-session-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('contacts');
  return pageMetadata(t('title'));
}

// The view checks `contacts:read` against the shell's permissions (Crew gets the refusal), and the API refuses
// the data without it; search, filters and the trash live in the URL.
export default async function ContactsPage() {
  await requireSessionCookie();
  return <ContactListView />;
}
