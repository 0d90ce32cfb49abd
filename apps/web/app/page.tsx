import { HomeView } from '../modules/home/views/home-view';

export default function HomePage() {
  return <HomeView />;
}
