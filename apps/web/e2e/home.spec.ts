import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test.describe('home page', () => {
  test('shows the OnTrack brand and what it is for', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle('OnTrack');
    await expect(page.getByRole('banner').getByRole('link', { name: 'OnTrack' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Every job on track, from first call to final payment.',
    );
    const steps = page.getByRole('region', { name: 'From lead to paid, in one flow' }).getByRole('listitem');
    await expect(steps.getByRole('heading')).toHaveText(['Lead', 'Estimate', 'Job', 'Invoice', 'Payment']);
    await expect(page.getByRole('heading', { level: 3, name: 'Field crews' })).toBeVisible();
  });

  test('has a skip link that moves focus to the main content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('has no axe violations in light, dark and high-contrast modes', async ({ page }) => {
    await page.goto('/');
    await expectNoAxeViolations(page, 'home (light)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'home (dark)');
    await page.emulateMedia({ colorScheme: 'light', contrast: 'more' });
    await expectNoAxeViolations(page, 'home (high contrast)');
    await page.emulateMedia({ colorScheme: 'dark', contrast: 'more' });
    await expectNoAxeViolations(page, 'home (dark, high contrast)');
  });

  test('links only to pages and sections that exist', async ({ page, request }) => {
    await page.goto('/');
    const origin = new URL(page.url()).origin;
    const hrefs = await page
      .locator('a[href]')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    const internal = hrefs.map((href) => new URL(href)).filter((url) => url.origin === origin);
    expect(internal.length).toBeGreaterThan(0);

    for (const pathname of new Set(internal.map((url) => url.pathname))) {
      expect((await request.get(pathname)).status(), pathname).toBe(200);
    }
    // Every in-page jump on this page lands on an element that is there.
    for (const url of internal.filter((link) => link.pathname === '/' && link.hash)) {
      await expect(page.locator(url.hash), url.hash).toHaveCount(1);
    }
  });
});
