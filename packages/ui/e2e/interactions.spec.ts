import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page, test } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

// Keyboard behaviour of the composite widgets, and axe on their OPEN state reached the way a user reaches it
// (stories.spec.ts only sees what a story renders on load). Same WCAG tags and colour schemes as there.

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCHEMES = [
  { colorScheme: 'light', contrast: 'no-preference' },
  { colorScheme: 'dark', contrast: 'no-preference' },
  { colorScheme: 'light', contrast: 'more' },
  { colorScheme: 'dark', contrast: 'more' },
] as const;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function openStory(page: Page, id: string) {
  const url = process.env.STORYBOOK_URL;
  if (!url) throw new Error('STORYBOOK_URL is not set (the global setup serves the static build)');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${url}/iframe.html?${new URLSearchParams({ id, viewMode: 'story' })}`);
  await page.waitForFunction(() => document.body.classList.contains('sb-show-main'));
  await page.addScriptTag({ content: axeSource });
  // Colours must switch at once with the scheme: on a clean clone a colour transition still running when axe
  // read the next scheme mixed the dark scheme's text into the high-contrast light one (as in stories.spec.ts).
  // Only transitions: the overlays' open and close still run through their real animation path.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
}

async function expectNoAxeViolations(page: Page, options: RunOptions = {}) {
  const found: Record<string, unknown> = {};
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ ...scheme, reducedMotion: 'reduce' });
    const results = await page.evaluate(
      (runOptions) =>
        (window as unknown as { axe: { run: (o: RunOptions) => Promise<AxeResults> } }).axe.run(runOptions),
      { ...options, runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] } as RunOptions,
    );
    if (results.violations.length > 0) {
      found[`${scheme.colorScheme}/${scheme.contrast}`] = results.violations.map((violation) => ({
        rule: violation.id,
        nodes: violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
      }));
    }
  }
  expect(found).toEqual({});
}

/** The option aria-activedescendant points at, by its text. */
async function highlighted(page: Page, input: ReturnType<Page['getByRole']>) {
  const id = await input.getAttribute('aria-activedescendant');
  if (!id) return null;
  return page.locator(`[id="${id}"]`).textContent();
}

test.describe('Combobox', () => {
  test('arrow keys move through the options, Enter chooses, Escape closes then clears', async ({ page }) => {
    await openStory(page, 'forms-combobox--default');
    const input = page.getByRole('combobox', { name: 'Client' });
    await input.focus();
    await expect(input).toHaveAttribute('aria-expanded', 'false');

    await page.keyboard.press('ArrowDown');
    await expect(input).toHaveAttribute('aria-expanded', 'true');
    const listbox = page.getByRole('listbox', { name: 'Client' });
    await expect(listbox).toBeVisible();
    await expect(input).toHaveAttribute('aria-controls', (await listbox.getAttribute('id')) ?? '');
    expect(await highlighted(page, input)).toContain('Acme Roofing');
    await expect(input).toBeFocused();
    await expectNoAxeViolations(page);

    await page.keyboard.press('ArrowDown');
    expect(await highlighted(page, input)).toContain('Peña Plumbing');
    await page.keyboard.press('End');
    expect(await highlighted(page, input)).toContain('Summit Builders');
    // The disabled option is skipped on the way back up.
    await page.keyboard.press('ArrowUp');
    expect(await highlighted(page, input)).toContain('Northside Electric');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(input).toHaveValue('Peña Plumbing');
    await expect(input).toHaveAttribute('aria-expanded', 'false');
    await expect(listbox).toBeHidden();

    // Reopened, the chosen option is highlighted and marked selected.
    await page.keyboard.press('ArrowDown');
    expect(await highlighted(page, input)).toContain('Peña Plumbing');
    await expect(page.getByRole('option', { name: /Peña Plumbing/ })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(input).toHaveAttribute('aria-expanded', 'false');
    await expect(input).toHaveValue('Peña Plumbing');
    await page.keyboard.press('Escape');
    await expect(input).toHaveValue('');
  });

  test('typing filters, highlights the first match and announces the count', async ({ page }) => {
    await openStory(page, 'forms-combobox--default');
    const input = page.getByRole('combobox', { name: 'Client' });
    await input.fill('roof');
    await expect(page.getByRole('option')).toHaveText([/^Roof Masters/, /^Acme Roofing/, /^Northside Electric/]);
    expect(await highlighted(page, input)).toContain('Roof Masters');
    await expect(page.getByRole('status').filter({ hasText: '3 results available.' })).toBeAttached();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');
    await expect(input).toHaveValue('Roof Masters');

    // Text that matches nothing is put back to the chosen label when the field is left.
    await input.fill('nothing like this');
    await expect(page.locator('p', { hasText: 'No results' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'No results' })).toBeAttached();
    await page.keyboard.press('Tab');
    await expect(input).toHaveValue('Roof Masters');
  });

  test('server search shows loading, then the results', async ({ page }) => {
    // The story's "server" answers after a timer: on Playwright's clock, the loading state lasts until the test
    // moves time on, however slow the machine is.
    await page.clock.install();
    await openStory(page, 'forms-combobox--search');
    await page.clock.pauseAt(Date.now() + 1_000);
    const input = page.getByRole('combobox', { name: 'Client' });
    await input.pressSequentially('pen');
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toBeAttached();
    await expect(page.getByRole('listbox')).toHaveAttribute('aria-busy', 'true');
    // axe runs on timers of its own: time flows again (the loading state alone is checked by its own story).
    await page.clock.resume();
    await expect(page.getByRole('option')).toHaveText([/^Peña Plumbing/]);
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');
    await expect(input).toHaveValue('Peña Plumbing');
  });

  test('offers to create what was typed', async ({ page }) => {
    await openStory(page, 'forms-combobox--create-new');
    const input = page.getByRole('combobox', { name: 'Client' });
    await input.fill('Rivera Concrete');
    const create = page.getByRole('option', { name: 'Create “Rivera Concrete”' });
    await expect(create).toBeVisible();
    // Enter alone must not create a record: the create option is never highlighted by itself.
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(input).toHaveValue('Rivera Concrete');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('option', { name: 'Rivera Concrete' })).toHaveAttribute('aria-selected', 'true');
  });
});

test.describe('Time picker', () => {
  test('lists times in the locale clock and takes typed times', async ({ page }) => {
    await openStory(page, 'forms-time-picker--default');
    const input = page.getByRole('combobox', { name: 'Arrival time' });
    await input.fill('7p');
    await page.keyboard.press('Enter');
    await expect(input).toHaveValue(/^7:00\sPM$/);
    await input.fill('7:10');
    await page.keyboard.press('Enter');
    await expect(input).toHaveValue(/^7:10\sAM$/);
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('option', { name: /^7:10\sAM$/ })).toHaveAttribute('aria-selected', 'true');
    await expectNoAxeViolations(page);
  });
});

test.describe('Date picker', () => {
  test('the calendar opens on the chosen day and arrow keys move the focused day', async ({ page }) => {
    await openStory(page, 'forms-date-picker--with-value');
    const input = page.getByRole('textbox', { name: 'Visit date' });
    await expect(input).toHaveValue('03/14/2026');
    await page.getByRole('button', { name: 'Choose date, Saturday, March 14, 2026' }).click();
    const calendar = page.getByRole('dialog', { name: 'Calendar' });
    await expect(calendar).toBeVisible();
    await expect(calendar.getByRole('grid', { name: 'March 2026' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Saturday, March 14, 2026, selected' })).toBeFocused();
    await expectNoAxeViolations(page);

    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('button', { name: 'Sunday, March 15, 2026' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('button', { name: 'Sunday, March 22, 2026' })).toBeFocused();
    await page.keyboard.press('PageDown');
    await expect(calendar.getByRole('grid', { name: 'April 2026' })).toBeVisible();
    await page.keyboard.press('PageUp');
    await page.keyboard.press('Enter');
    await expect(calendar).toBeHidden();
    await expect(input).toHaveValue('03/22/2026');
    // Focus returns to the button that opened the calendar.
    await expect(page.getByRole('button', { name: /^Choose date, Sunday, March 22, 2026$/ })).toBeFocused();
  });

  test('Escape closes the calendar without changing the date', async ({ page }) => {
    await openStory(page, 'forms-date-picker--with-value');
    await page.getByRole('button', { name: /^Choose date/ }).click();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByRole('textbox', { name: 'Visit date' })).toHaveValue('03/14/2026');
  });

  test('typed dates are read in the locale order and shown in its format', async ({ page }) => {
    await openStory(page, 'forms-date-picker--default');
    const input = page.getByRole('textbox', { name: 'Visit date' });
    await input.fill('3/20/26');
    await page.keyboard.press('Tab');
    await expect(input).toHaveValue('03/20/2026');
    await page.getByRole('button', { name: /^Choose date/ }).click();
    await expect(page.getByRole('button', { name: 'Friday, March 20, 2026, selected' })).toBeFocused();
  });

  test('min, max and disabled days cannot be chosen', async ({ page }) => {
    await openStory(page, 'forms-date-picker--min-max');
    const calendar = page.getByRole('dialog', { name: 'Calendar' });
    await expect(calendar).toBeVisible();
    await expect(calendar.getByRole('button', { name: 'Previous month' })).toHaveAttribute('aria-disabled', 'true');
    await expect(calendar.getByRole('button', { name: 'Next month' })).toHaveAttribute('aria-disabled', 'true');
    await expect(calendar.getByRole('button', { name: 'Saturday, March 7, 2026' })).toBeDisabled();
    await expect(calendar.getByRole('button', { name: 'Monday, March 30, 2026' })).toBeDisabled();
    await expect(calendar.getByRole('button', { name: 'Monday, March 2, 2026' })).toBeEnabled();
    await expectNoAxeViolations(page);
  });
});

test.describe('Select', () => {
  test('the open listbox leaves no focusable element under aria-hidden', async ({ page }) => {
    await openStory(page, 'forms-select--default');
    const trigger = page.getByRole('combobox', { name: 'Trade' });
    await trigger.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('listbox')).toBeVisible();
    await expect(page.getByRole('option', { name: 'Roofing' })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('option', { name: 'Plumbing' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(trigger).toHaveText('Plumbing');
    await expect(trigger).toBeFocused();
    await expect(trigger).not.toHaveAttribute('tabindex', '-1');
  });
});
