import type { Metadata } from 'next';
import { NotFoundView } from '../modules/site/views/not-found-view';

export const metadata: Metadata = {
  title: 'Page not found · OnTrack',
};

export default function NotFound() {
  return <NotFoundView />;
}
