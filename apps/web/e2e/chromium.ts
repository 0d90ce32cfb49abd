/**
 * Debian's Chromium, as every browser run of the project launches it (Playwright's e2e, Lighthouse, the
 * first-load bench): Playwright's own browser download is never used (no network, one browser to patch).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
