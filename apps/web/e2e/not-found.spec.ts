import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test.describe('not-found page', () => {
  test('answers 404 with a helpful page and no axe violations', async ({ page }) => {
    const response = await page.goto('/this-page-does-not-exist');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('main').getByRole('link', { name: 'Go to the home page' })).toHaveAttribute(
      'href',
      '/',
    );
    await expectNoAxeViolations(page, 'not-found');
  });
});
