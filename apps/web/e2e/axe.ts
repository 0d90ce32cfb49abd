import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

/** Fails with the list of violations (rule, impact, offending nodes) so the report says what to fix. */
export async function expectNoAxeViolations(page: Page, label = 'page'): Promise<void> {
  await animationsSettled(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/**
 * Axe measures colours as they are drawn, so a dialog still fading in fails colour contrast (seen on a fast
 * machine: the convert and revoke dialogs, checked a few ms after they opened). Waits for every animation
 * that ends (not spinners or shimmers, which repeat forever), at most 5 s.
 */
async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const ending = document
      .getAnimations()
      .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime ?? Infinity)));
    const finished = Promise.all(ending.map((animation) => animation.finished.catch(() => undefined)));
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  });
}
