import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { STATIC_DIR } from './serve-storybook';

// Every story of the static Storybook build, checked with axe in each colour scheme the app supports. The
// schemes are switched the way a visitor's OS does it (emulated media), as apps/web/e2e does for its pages;
// the page-chosen attributes (data-theme / data-contrast) are checked to give the same colours at the end.

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

const index = JSON.parse(readFileSync(join(STATIC_DIR, 'index.json'), 'utf8')) as {
  entries: Record<string, IndexEntry>;
};
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

// WCAG 2.0-2.2 A and AA. Best-practice rules (landmarks, one h1 per page) are about whole pages, not a
// component rendered alone, so they belong to the app's page tests.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const SCHEMES = [
  { name: 'light', colorScheme: 'light', contrast: 'no-preference' },
  { name: 'dark', colorScheme: 'dark', contrast: 'no-preference' },
  { name: 'high contrast', colorScheme: 'light', contrast: 'more' },
  { name: 'dark, high contrast', colorScheme: 'dark', contrast: 'more' },
] as const;

// axe-core injected once per page and run in the page: @axe-core/playwright re-injects the engine on every
// analyze(), which costs ~0.5 s a call, several times what the checks themselves take here.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The story's own `parameters.a11y`, in the addon-a11y format: rule overrides (`test: 'off'` is refused). */
interface StoryA11y {
  test?: 'off' | 'todo' | 'error';
  options?: RunOptions;
}

interface StorybookWindow {
  __STORYBOOK_ADDONS_CHANNEL__: {
    emit: (event: string, payload: unknown) => void;
    on: (event: string, listener: (payload: unknown) => void) => void;
    off: (event: string, listener: (payload: unknown) => void) => void;
  };
  __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; story?: { parameters?: { a11y?: StoryA11y } } } };
  axe: { run: (options: RunOptions) => Promise<AxeResults> };
}

function baseUrl(): string {
  const url = process.env.STORYBOOK_URL;
  if (!url) throw new Error('STORYBOOK_URL is not set (the global setup serves the static build)');
  return url;
}

async function waitForRender(page: Page) {
  // Storybook marks <body> once the story has rendered, or failed to.
  await page.waitForFunction(() =>
    ['sb-show-main', 'sb-show-errordisplay', 'sb-show-nopreview'].some((name) =>
      document.body.classList.contains(name),
    ),
  );
  const failure = await page.locator('#error-message').textContent();
  expect(await page.evaluate(() => document.body.classList.contains('sb-show-main')), `render error: ${failure}`).toBe(
    true,
  );
}

async function openStory(page: Page, id: string, globals?: string) {
  const query = new URLSearchParams({ id, viewMode: 'story' });
  if (globals) query.set('globals', globals);
  await page.goto(`${baseUrl()}/iframe.html?${query}`);
  await waitForRender(page);
}

/**
 * Shows a story in the already loaded preview, the way the Storybook UI switches stories: loading the
 * preview once per worker instead of once per story more than halves the run.
 */
async function switchStory(page: Page, id: string) {
  const outcome = await page.evaluate(
    (storyId) =>
      new Promise<string>((resolve) => {
        const storybook = window as unknown as StorybookWindow;
        // Asking for the story already on screen renders nothing, so no event would come.
        if (storybook.__STORYBOOK_PREVIEW__?.currentRender?.id === storyId) {
          resolve('rendered');
          return;
        }
        const channel = storybook.__STORYBOOK_ADDONS_CHANNEL__;
        const events = ['storyRendered', 'storyErrored', 'storyThrewException', 'storyMissing'];
        const listeners = events.map((event) => {
          const listener = (payload: unknown) => {
            if (event === 'storyRendered' && payload !== storyId) return;
            for (const [index, name] of events.entries()) {
              const registered = listeners[index];
              if (registered) channel.off(name, registered);
            }
            resolve(event === 'storyRendered' ? 'rendered' : `${event}: ${JSON.stringify(payload)}`);
          };
          channel.on(event, listener);
          return listener;
        });
        channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }),
    id,
  );
  expect(outcome, `rendering ${id}`).toBe('rendered');
  await waitForRender(page);
}

/**
 * Waits until no animation or transition is running. A scheme switch changes colours through the
 * (reduced-motion, 0.01 ms) transitions, and axe reads computed colours synchronously: without this it can
 * measure last scheme's text on this scheme's background.
 */
async function settled(page: Page) {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const running = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY);
    await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
  });
}

// One preview page per worker, reused by that worker's story tests.
const test = base.extend<object, { preview: Page }>({
  preview: [
    async ({ browser }, use) => {
      const page = await browser.newPage();
      const first = stories[0];
      if (!first) throw new Error('the Storybook build has no stories');
      await openStory(page, first.id);
      await page.addScriptTag({ content: axeSource });
      // Colours must switch at once with the scheme: a transition still running when axe reads them mixed the
      // last scheme's text with this scheme's background (a flaky failure seen on a fresh clone). Contrast is
      // about the settled state; the stories are rendered with reduced motion anyway.
      await page.addStyleTag({
        content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
      });
      await use(page);
      await page.close();
    },
    { scope: 'worker' },
  ],
});

test('the Storybook build has stories', () => {
  expect(stories.length).toBeGreaterThan(20);
});

for (const story of stories) {
  test(`${story.title} / ${story.name} has no axe violations in any scheme`, async ({ preview }) => {
    // Reduced motion: opening animations finish at once, so axe never measures a half-faded colour.
    await preview.emulateMedia({ colorScheme: 'light', contrast: 'no-preference', reducedMotion: 'reduce' });
    await switchStory(preview, story.id);
    const a11y = await preview.evaluate(
      () => (window as unknown as StorybookWindow).__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.a11y ?? {},
    );
    // No story may opt out of the check: a rule a story cannot meet is disabled by name in `a11y.options`
    // (with a comment saying why), never by switching the whole test off.
    expect(a11y.test, `${story.id} turns its accessibility test off`).not.toBe('off');
    const options: RunOptions = {
      ...a11y.options,
      runOnly: { type: 'tag', values: WCAG_TAGS },
      resultTypes: ['violations'],
    };
    const found: Record<string, unknown> = {};
    for (const scheme of SCHEMES) {
      await preview.emulateMedia({
        colorScheme: scheme.colorScheme,
        contrast: scheme.contrast,
        reducedMotion: 'reduce',
      });
      await settled(preview);
      const results = await preview.evaluate(
        (runOptions) => (window as unknown as StorybookWindow).axe.run(runOptions),
        options,
      );
      if (results.violations.length > 0) {
        found[scheme.name] = results.violations.map((violation) => ({
          rule: violation.id,
          impact: violation.impact,
          help: violation.help,
          nodes: violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
        }));
      }
    }
    expect(found, `axe violations in ${story.id}`).toEqual({});
  });
}

test('data-theme and data-contrast give the same colours as the matching OS preferences', async ({ page }) => {
  const story = stories[0];
  if (!story) throw new Error('no stories');
  const tokens = () =>
    page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      return [
        'background',
        'foreground',
        'surface',
        'muted-foreground',
        'border-strong',
        'primary',
        'ring',
        'danger',
      ].map((name) => style.getPropertyValue(`--ot-${name}`).trim());
    });
  const combinations = [
    { theme: 'light', contrast: 'normal', colorScheme: 'light', media: 'no-preference' },
    { theme: 'dark', contrast: 'normal', colorScheme: 'dark', media: 'no-preference' },
    { theme: 'light', contrast: 'more', colorScheme: 'light', media: 'more' },
    { theme: 'dark', contrast: 'more', colorScheme: 'dark', media: 'more' },
  ] as const;
  const byMedia: string[][] = [];
  await openStory(page, story.id);
  for (const combination of combinations) {
    await page.emulateMedia({ colorScheme: combination.colorScheme, contrast: combination.media });
    byMedia.push(await tokens());
  }
  expect(new Set(byMedia.map((set) => set.join())).size, 'the four schemes differ').toBe(4);

  // data-theme wins over the OS colour scheme either way; data-contrast="more" wins over an OS without the
  // preference. (There is no "less than the OS asked for": without the attribute the OS decides.)
  for (const [position, combination] of combinations.entries()) {
    for (const os of combinations.filter((os) => combination.contrast === 'more' || os.media === 'no-preference')) {
      await page.emulateMedia({ colorScheme: os.colorScheme, contrast: os.media });
      await page.evaluate(({ theme, contrast }) => {
        document.documentElement.dataset.theme = theme;
        if (contrast === 'more') document.documentElement.dataset.contrast = 'more';
        else delete document.documentElement.dataset.contrast;
      }, combination);
      expect(
        await tokens(),
        `${combination.theme}/${combination.contrast} on an OS set to ${os.colorScheme}/${os.media}`,
      ).toEqual(byMedia[position]);
    }
  }

  // The toolbar's globals put those attributes on <html>.
  await openStory(page, story.id, 'theme:dark;contrast:more');
  expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toMatchObject({
    theme: 'dark',
    contrast: 'more',
  });
});
