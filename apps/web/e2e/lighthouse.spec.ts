import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, expect, type Page, test } from '@playwright/test';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { signInByEmail, signInToPortal } from './mail-sign-in';

// Lighthouse's accessibility category (its axe rules plus its own checks, on a mobile-emulated load) for a
// public page, the office dashboard and the client portal. axe runs in the other specs already; this is the
// score a reviewer would see, so a regression shows up here first.

const MIN_SCORE = 0.95;
// Lighthouse only launches a browser itself when given no port; set anyway so nothing falls back to a download.
process.env.CHROME_PATH ??= CHROMIUM_PATH;

interface DebuggableBrowser {
  context: BrowserContext;
  page: Page;
  port: number;
  close(): Promise<void>;
}

/**
 * Chromium with a DevTools port for Lighthouse and Playwright's page in its DEFAULT browser context: Lighthouse
 * opens its own tab there, so it sees the session cookies the sign-in set (a `newContext()` would be an
 * incognito-like context Lighthouse cannot reach).
 */
async function launchDebuggable(baseURL: string | undefined): Promise<DebuggableBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'ontrack-lighthouse-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    // Port 0: Chromium picks a free one and writes it to DevToolsActivePort, so two runs never collide.
    args: [...CHROMIUM_ARGS, '--remote-debugging-port=0'],
    baseURL,
  });
  let port = 0;
  await expect
    .poll(
      () => {
        try {
          port = Number(readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0]);
        } catch {
          port = 0;
        }
        return port;
      },
      { message: 'Chromium wrote its DevTools port', timeout: 10_000 },
    )
    .toBeGreaterThan(0);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    port,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

interface FailingAudit {
  id: string;
  title: string;
  score: number | null;
  elements: string[];
}

async function accessibilityOf(
  url: string,
  port: number,
): Promise<{ score: number; failing: FailingAudit[]; finalUrl: string }> {
  const result = await lighthouse(url, {
    port,
    onlyCategories: ['accessibility'],
    // Keep the cookies (and so the session) the sign-in set.
    disableStorageReset: true,
    logLevel: 'error',
    output: 'json',
    // Only the accessibility audits run: no throttling, blank page or screenshot to wait for; a short settle
    // after load still lets the signed-in shell finish its first API calls (network quiet is the default 1 s).
    throttlingMethod: 'provided',
    skipAboutBlank: true,
    disableFullPageScreenshot: true,
    pauseAfterLoadMs: 500,
  });
  expect(result, `Lighthouse produced a report for ${url}`).toBeTruthy();
  const lhr = result?.lhr;
  const category = lhr?.categories.accessibility;
  expect(lhr?.runtimeError, `Lighthouse ran without a runtime error on ${url}`).toBeUndefined();
  const failing: FailingAudit[] = [];
  for (const ref of category?.auditRefs ?? []) {
    const audit = lhr?.audits[ref.id];
    if (audit?.scoreDisplayMode !== 'binary' || audit.score === 1) continue;
    const items = (audit.details as { items?: { node?: { selector?: string; snippet?: string } }[] } | undefined)
      ?.items;
    failing.push({
      id: audit.id,
      title: audit.title,
      score: audit.score,
      elements: (items ?? []).map((item) => item.node?.selector ?? item.node?.snippet ?? '?').slice(0, 5),
    });
  }
  return { score: category?.score ?? 0, failing, finalUrl: lhr?.finalDisplayedUrl ?? '' };
}

async function expectAccessible(page: Page, port: number, path: string): Promise<void> {
  const url = new URL(path, page.url()).href;
  const { score, failing, finalUrl } = await accessibilityOf(url, port);
  // A lost session would send Lighthouse to /sign-in and score that page instead.
  expect(new URL(finalUrl).pathname, `Lighthouse stayed on ${path} (the session was kept)`).toBe(path);
  const summary = failing.map((audit) => `${audit.id} (${audit.title}): ${audit.elements.join(', ')}`).join('\n  ');
  console.log(`Lighthouse accessibility ${path}: ${Math.round(score * 100)}${summary ? `\n  ${summary}` : ''}`);
  test.info().annotations.push({ type: 'lighthouse accessibility', description: `${path}: ${score}` });
  expect(score, `Lighthouse accessibility of ${path} ; failing audits:\n  ${summary}`).toBeGreaterThanOrEqual(
    MIN_SCORE,
  );
}

test.describe('Lighthouse accessibility', () => {
  test.describe.configure({ timeout: 60_000 });

  test('the sign-in page', async ({ baseURL }) => {
    const browser = await launchDebuggable(baseURL);
    try {
      await browser.page.goto('/sign-in');
      await expectAccessible(browser.page, browser.port, '/sign-in');
    } finally {
      await browser.close();
    }
  });

  test('the dashboard, signed in as office staff', async ({ baseURL }) => {
    const browser = await launchDebuggable(baseURL);
    try {
      await signInByEmail(browser.page, 'office@demo.test');
      await expect(browser.page).toHaveURL(/\/app$/);
      await expectAccessible(browser.page, browser.port, '/app');
    } finally {
      await browser.close();
    }
  });

  test('the client portal home, signed in as a client', async ({ baseURL }) => {
    const browser = await launchDebuggable(baseURL);
    try {
      await signInToPortal(browser.page, 'demo', 'client@demo.test');
      await expectAccessible(browser.page, browser.port, '/portal');
    } finally {
      await browser.close();
    }
  });
});
