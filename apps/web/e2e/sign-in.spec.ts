import { createHmac } from 'node:crypto';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { inbox, withAddress } from './mail-sign-in';

/** Asks for a link on the sign-in page and returns the link of the email that arrives for it. */
async function requestLink(page: Page, address: string): Promise<string> {
  const before = new Set((await inbox()).map((email) => email.id));
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(address);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email\?/);
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(address);

  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const email = (await inbox()).find(
          (caught) => !before.has(caught.id) && caught.to.some((to) => to.address === address),
        );
        link = email?.text?.match(/https?:\/\/\S+\/auth\/magic\?token=[\w%-]+/)?.[0];
        return link;
      },
      { message: `a sign-in email for ${address} in MailDev`, timeout: 20_000 },
    )
    .toBeTruthy();
  const url = new URL(link ?? '');
  // The link must lead to the web app as this browser reaches it (APP_URL), or the binding cookie is not sent.
  expect(url.origin).toBe(new URL(page.url()).origin);
  return url.pathname + url.search;
}

async function openLinkAndSignIn(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to OnTrack' })).toBeVisible();
  await expectNoAxeViolations(page, 'magic link page');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Collects the page's CSP reports from the console (Chromium logs each refusal there). */
function watchCsp(page: Page): string[] {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });
  return refusals;
}

async function sessionCookies(context: BrowserContext) {
  return (await context.cookies()).filter((cookie) => cookie.name.startsWith('__Host-ontrack_'));
}

/** RFC 6238 (SHA-1, 6 digits, 30 s) from the Base32 secret the enrolment page shows, as an authenticator app would. */
function totp(secret: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret.replace(/[\s=]/g, '').toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => Number.parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = (mac.at(-1) ?? 0) & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

test.describe('signing in through the browser', () => {
  test('with an emailed link, then signing out', async ({ page, context }) => {
    const cspRefusals = watchCsp(page);
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to OnTrack' })).toBeVisible();
    await expectNoAxeViolations(page, 'sign-in page');

    // Other specs sign Olivia in at the same time: the inbox is shared, so ask and use in turn.
    const link = await withAddress('office@demo.test', async () => {
      const asked = await requestLink(page, 'office@demo.test');
      await expectNoAxeViolations(page, 'check-email page');
      await openLinkAndSignIn(page, asked);
      await expect(page).toHaveURL(/\/app$/);
      return asked;
    });
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Olivia Office' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Evergreen Landscaping');
    await expectNoAxeViolations(page, 'signed-in landing');

    // The session lives in __Host- cookies that the browser accepted from this origin: the access and refresh
    // tokens out of JavaScript's reach, the CSRF token readable for the double submit.
    const cookies = await sessionCookies(context);
    const byName = new Map(cookies.map((cookie) => [cookie.name, cookie]));
    expect(byName.get('__Host-ontrack_access')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    expect(byName.get('__Host-ontrack_refresh')).toMatchObject({ httpOnly: true, secure: true });
    expect(byName.get('__Host-ontrack_csrf')).toMatchObject({ httpOnly: false, secure: true });

    // An expired access token (gone from the jar) is replaced from the refresh cookie, and the page carries on.
    await context.clearCookies({ name: '__Host-ontrack_access' });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Olivia Office' })).toBeVisible();
    expect((await sessionCookies(context)).map((cookie) => cookie.name)).toContain('__Host-ontrack_access');
    const rotatedCsrf = (await sessionCookies(context)).find((cookie) => cookie.name === '__Host-ontrack_csrf');
    expect(rotatedCsrf?.value).not.toBe(byName.get('__Host-ontrack_csrf')?.value);

    // A link works once.
    await openLinkAndSignIn(page, link);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('This sign-in link was already used');

    await page.goto('/app');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    expect((await sessionCookies(context)).map((cookie) => cookie.name)).not.toContain('__Host-ontrack_access');
    await page.goto('/app');
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(cspRefusals).toEqual([]);
  });

  test('refuses the link in another browser, which leaves it usable where it was asked for', async ({
    page,
    browser,
  }) => {
    await withAddress('pm@demo.test', async () => {
      const link = await requestLink(page, 'pm@demo.test');

      const otherBrowser = await browser.newContext();
      try {
        const other = await otherBrowser.newPage();
        await openLinkAndSignIn(other, link);
        await expect(other.getByRole('main').getByRole('alert')).toContainText(
          'Open the link in the browser that asked for it',
        );
        await expect(other.getByRole('link', { name: 'Ask for a new sign-in link' })).toBeVisible();
        await expectNoAxeViolations(other, 'refused magic link');
        expect(await sessionCookies(otherBrowser)).toEqual([]);
      } finally {
        await otherBrowser.close();
      }

      await openLinkAndSignIn(page, link);
      await expect(page).toHaveURL(/\/app$/);
    });
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Priya Property-Manager' })).toBeVisible();
  });

  // Enrols the seeded Admin for good: needs the fresh database scripts/test.mjs seeds for each run.
  test('enrols an authenticator when the account must have one (an Admin)', async ({ page }) => {
    const cspRefusals = watchCsp(page);
    await withAddress('admin@demo.test', async () => {
      await openLinkAndSignIn(page, await requestLink(page, 'admin@demo.test'));
      await expect(page).toHaveURL(/\/sign-in\/mfa$/);
    });
    await expect(page).toHaveURL(/\/sign-in\/mfa$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Set up two-step verification' })).toBeVisible();
    await expectNoAxeViolations(page, 'MFA enrolment');
    // The pending session reaches nothing else yet.
    await page.goto('/app');
    await expect(page).toHaveURL(/\/sign-in\/mfa$/);

    await page.getByRole('button', { name: 'Set up authenticator app' }).click();
    const qrCode = page.getByRole('img', { name: 'QR code to add OnTrack to your authenticator app' });
    await expect(qrCode).toBeVisible();
    // The API's SVG is shown as an image (a data: URL, allowed by the CSP), and it did render.
    expect(await qrCode.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    const secret = (await page.locator('code').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);

    await page.getByRole('button', { name: 'Confirm and continue' }).click();
    await expect(page.getByLabel('Verification code')).toBeFocused();
    await expect(page.getByLabel('Verification code')).toHaveAccessibleDescription(/Enter the 6-digit code/);
    await page.getByLabel('Verification code').fill(totp(secret));
    await page.getByRole('button', { name: 'Confirm and continue' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery codes' })).toBeFocused();
    await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
    await expectNoAxeViolations(page, 'recovery codes');
    await page.getByRole('button', { name: 'I have saved my codes, continue' }).click();
    await expect(page).toHaveURL(/\/app$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Avery Admin' })).toBeVisible();
    expect(cspRefusals).toEqual([]);
  });

  test('says what is wrong with the email address, next to the field', async ({ page }) => {
    await page.goto('/sign-in');
    const field = page.getByLabel('Email address');
    await field.fill('not-an-address');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/Enter a valid email address/);
    await expect(page).toHaveURL(/\/sign-in$/);
    await expectNoAxeViolations(page, 'sign-in page with a field error');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'sign-in page with a field error (dark)');
    await page.emulateMedia({ colorScheme: 'dark', contrast: 'more' });
    await expectNoAxeViolations(page, 'sign-in page with a field error (dark, high contrast)');
  });

  test('shows the rate limit’s answer when too many links were asked for', async ({ page }) => {
    // The API's 429 (its rate limits have their own API tests); spending the real per-address budget here
    // would starve the other tests of sign-in links.
    await page.route('**/api/v1/auth/magic-link', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '42' },
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Too Many Requests',
          status: 429,
          detail: 'Too many attempts. Try again in 42 seconds.',
        }),
      }),
    );
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill('office@demo.test');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toContainText('Too many attempts. Try again in 42 seconds.');
    await expect(alert).toBeFocused();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expectNoAxeViolations(page, 'sign-in page, rate limited');
  });

  test('explains a refused single sign-on attempt', async ({ page }) => {
    await page.goto('/sign-in?error=oidc_no_account');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('No OnTrack account uses that email address');
    await expectNoAxeViolations(page, 'sign-in page with an OIDC error');
  });

  test('sends a browser without a session from the app to sign in', async ({ page }) => {
    await page.goto('/app');
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/sign-in/mfa');
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
