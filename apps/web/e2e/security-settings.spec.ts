import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { callApi } from './api-from-page';
import { expectNoAxeViolations } from './axe';
import { signInByEmail, totp } from './mail-sign-in';

// The platform operator: seeded, signed in by no other web spec (they all run against one database, two at a
// time), and required to have no second factor (no Admin membership anywhere). Enrolling signs out the user's
// other sessions, and an enrolled user's sign-in gains a step: a user another spec signs in would break it.
const ADDRESS = 'support@ontrack.test';
const OTHER_ADDRESS = 'support.e2e@ontrack.test';

/** The API's answer once the last sign-in is more than 10 minutes old (recent-auth.ts), for one request. */
async function refuseOnceForReauthentication(page: Page, path: string): Promise<void> {
  await page.route(
    `**${path}`,
    (route) =>
      route.fulfill({
        status: 403,
        headers: { 'content-type': 'application/problem+json' },
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
          detail: 'Confirm it is you: re-authenticate within 10 minutes before this change.',
          code: 'reauthentication_required',
        }),
      }),
    { times: 1 },
  );
}

function statusCard(page: Page) {
  return page.getByRole('region', { name: 'Two-step verification' });
}

test.describe('sign-in security settings', () => {
  test('sets up an authenticator, renews the recovery codes and removes it, re-authenticating when asked', async ({
    page,
    context,
  }) => {
    // A sign-in, three changes and nine accessibility scans.
    test.setTimeout(120_000);
    await signInByEmail(page, ADDRESS);
    await expect(page).toHaveURL(/\/app$/);
    try {
      await page.goto('/settings/security');
      await expect(page.getByRole('heading', { level: 1, name: 'Sign-in security' })).toBeVisible();
      await expect(statusCard(page).getByText('Off', { exact: true })).toBeVisible();
      await expect(statusCard(page)).toContainText('Not set up');
      await expect(statusCard(page)).toContainText('No, but it keeps your account safe');
      await expectNoAxeViolations(page, 'security settings, no authenticator');

      // Setting up: scan (the QR code is an image that rendered), type the key's current code.
      await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
      const scan = page.getByRole('region', { name: 'Add OnTrack to your authenticator app' });
      await expect(scan.getByRole('heading', { name: 'Add OnTrack to your authenticator app' })).toBeFocused();
      const qrCode = scan.getByRole('img', { name: 'QR code to add OnTrack to your authenticator app' });
      await expect(qrCode).toBeVisible();
      expect(await qrCode.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
      const secret = (await scan.locator('code').textContent())?.trim() ?? '';
      expect(secret).toMatch(/^[A-Z2-7]+=*$/);
      await expectNoAxeViolations(page, 'security settings, scanning');

      const codeField = scan.getByLabel('Verification code');
      await scan.getByRole('button', { name: 'Turn on two-step verification' }).click();
      await expect(codeField).toBeFocused();
      await expect(codeField).toHaveAttribute('aria-invalid', 'true');
      await expect(codeField).toHaveAccessibleDescription(/Enter the 6-digit code from your authenticator app/);
      await codeField.fill(totp(secret));
      await scan.getByRole('button', { name: 'Turn on two-step verification' }).click();

      // The codes, shown once, with ways to keep them.
      const saved = page.getByRole('region', { name: 'Save your recovery codes' });
      await expect(saved.getByRole('heading', { name: 'Save your recovery codes' })).toBeFocused();
      await expect(saved.getByRole('status')).toContainText(/other session|No other session/);
      const list = saved.getByRole('list', { name: 'Recovery codes' });
      await expect(list.getByRole('listitem')).toHaveCount(10);
      const firstCodes = (await list.getByRole('listitem').allTextContents()).map((code) => code.trim());
      await expectNoAxeViolations(page, 'security settings, recovery codes');

      const downloading = page.waitForEvent('download');
      await saved.getByRole('button', { name: 'Download as .txt' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('ontrack-recovery-codes.txt');
      const file = await readFile(await download.path(), 'utf8');
      for (const code of firstCodes) expect(file).toContain(code);

      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await saved.getByRole('button', { name: 'Copy codes' }).click();
      await expect(page.getByText('Recovery codes copied', { exact: true }).first()).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstCodes.join('\n'));

      // A phone's width: nothing scrolls sideways.
      await page.setViewportSize({ width: 360, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'security settings, recovery codes at 360 px');
      await page.setViewportSize({ width: 1280, height: 720 });

      await saved.getByRole('button', { name: 'I have saved them' }).click();
      await expect(statusCard(page).getByRole('heading', { name: 'Two-step verification' })).toBeFocused();
      await expect(statusCard(page).getByText('On', { exact: true })).toBeVisible();
      await expect(statusCard(page)).toContainText(/Set up \w{3} \d{1,2}, \d{4}/);
      await expect(statusCard(page)).toContainText('10 left');

      // New recovery codes, after proving it is them: a wrong code is refused next to the field.
      await refuseOnceForReauthentication(page, '/api/v1/auth/mfa/recovery-codes');
      await page.getByRole('button', { name: 'New recovery codes' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading', { name: 'Make new recovery codes?' })).toBeVisible();
      await expectNoAxeViolations(page, 'new recovery codes dialog');
      await dialog.getByRole('button', { name: 'Make new codes' }).click();
      await expect(dialog.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible();
      await expect(dialog.getByLabel('Verification code')).toBeFocused();
      await dialog.getByRole('button', { name: 'Use a recovery code instead' }).click();
      const recoveryField = dialog.getByLabel('Recovery code');
      await expect(recoveryField).toBeFocused();
      await recoveryField.fill('AAAA-BBBB-CCCC-DDDD');
      await dialog.getByRole('button', { name: 'Verify and continue' }).click();
      await expect(recoveryField).toHaveAttribute('aria-invalid', 'true');
      await expect(recoveryField).toHaveAccessibleDescription(/That recovery code is not right/);
      await expectNoAxeViolations(page, 're-authentication with a wrong code');
      await recoveryField.fill(firstCodes[0] ?? '');
      await dialog.getByRole('button', { name: 'Verify and continue' }).click();

      await expect(dialog).toHaveCount(0);
      await expect(saved.getByRole('heading', { name: 'Save your recovery codes' })).toBeFocused();
      await expect(list.getByRole('listitem')).toHaveCount(10);
      const newCodes = (await list.getByRole('listitem').allTextContents()).map((code) => code.trim());
      expect(newCodes.filter((code) => firstCodes.includes(code))).toEqual([]);
      await saved.getByRole('button', { name: 'I have saved them' }).click();
      await expect(statusCard(page)).toContainText('10 left');

      // Removing it, re-authenticating with one of the new codes (the old ones no longer work).
      await refuseOnceForReauthentication(page, '/api/v1/auth/mfa/totp');
      await page.getByRole('button', { name: 'Remove authenticator' }).click();
      await expect(dialog.getByRole('heading', { name: 'Remove your authenticator?' })).toBeVisible();
      await dialog.getByRole('button', { name: 'Remove authenticator' }).click();
      await expect(dialog.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible();
      await dialog.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await dialog.getByLabel('Recovery code').fill(newCodes[0] ?? '');
      await expectNoAxeViolations(page, 're-authentication before removal');
      await dialog.getByRole('button', { name: 'Verify and continue' }).click();

      await expect(dialog).toHaveCount(0);
      await expect(page.getByText('Authenticator removed', { exact: true }).first()).toBeVisible();
      await expect(statusCard(page).getByText('Off', { exact: true })).toBeVisible();
      await expect(statusCard(page).getByRole('heading', { name: 'Two-step verification' })).toBeFocused();
      await expect(page.getByRole('button', { name: 'Set up an authenticator app' })).toBeVisible();
      await expectNoAxeViolations(page, 'security settings, authenticator removed');
    } finally {
      // Whatever happened above, the next run's user has no authenticator (404 when there is none: fine).
      // A closed page (a timeout) cannot: the failure above is the one to report, not this one.
      await callApi(page, '/api/v1/auth/mfa/totp', 'DELETE').catch(() => undefined);
    }
  });

  test('changes the sign-in email, and asks to sign in again when the sign-in is too old', async ({ page }) => {
    test.setTimeout(60_000);
    await signInByEmail(page, ADDRESS);
    await expect(page).toHaveURL(/\/app$/);
    try {
      await page.goto('/settings/security');
      const section = page.getByRole('region', { name: 'Sign-in email' });
      await expect(section).toContainText(`You sign in with ${ADDRESS}`);
      const field = section.getByLabel('New email address');

      // The API's field error, next to the field.
      await field.fill('not-an-address');
      await section.getByRole('button', { name: 'Change email' }).click();
      await expect(field).toBeFocused();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(/email/i);
      await expectNoAxeViolations(page, 'email change with a field error');

      // Without an authenticator, a code cannot prove it is them: they sign in again.
      await refuseOnceForReauthentication(page, '/api/v1/me/email');
      await field.fill(OTHER_ADDRESS);
      await section.getByRole('button', { name: 'Change email' }).click();
      const alert = section.getByRole('alert');
      await expect(alert).toBeFocused();
      await expect(alert).toContainText('This change needs a recent sign-in');
      await expect(alert.getByRole('button', { name: 'Sign out and sign in again' })).toBeVisible();
      await expectNoAxeViolations(page, 'email change needing a new sign-in');

      await section.getByRole('button', { name: 'Change email' }).click();
      const notice = section.getByRole('status');
      await expect(notice).toContainText(`You now sign in with ${OTHER_ADDRESS}.`);
      await expect(notice).toBeFocused();
      await expect(section).toContainText(`You sign in with ${OTHER_ADDRESS}`);
      await expectNoAxeViolations(page, 'email changed');

      await field.fill(ADDRESS);
      await section.getByRole('button', { name: 'Change email' }).click();
      await expect(notice).toContainText(`You now sign in with ${ADDRESS}.`);
      await expect(section).toContainText(`You sign in with ${ADDRESS}`);
    } finally {
      // Leaves the seeded address in place for the next spec and run (a no-op when it already is).
      await callApi(page, '/api/v1/me/email', 'PATCH', { email: ADDRESS }).catch(() => undefined);
    }
  });
});
