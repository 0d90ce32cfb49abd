import type { MetadataRoute } from 'next';

/**
 * The web app manifest (/manifest.webmanifest): what an installed OnTrack looks like. Colours are the brand
 * tokens (navy #0F3659 behind the green route mark); icons come from public/icons (scripts/generate-icons.mjs).
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/app',
    name: 'OnTrack',
    short_name: 'OnTrack',
    description: 'Operations for contracting businesses, from first call to final payment.',
    // Installed, it opens on the signed-in app (which sends a visitor without a session to sign in).
    start_url: '/app',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: '#0F3659',
    background_color: '#0F3659',
    categories: ['business', 'productivity'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
