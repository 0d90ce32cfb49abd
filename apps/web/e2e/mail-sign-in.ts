import { createHmac } from 'node:crypto';
import { rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

// The root test script starts MailDev beside the API (SMTP_URL) and says where its REST API is.
export const MAILDEV_API_URL = process.env.MAILDEV_API_URL;

interface CaughtEmail {
  id: string;
  to: { address: string }[];
  text?: string;
}

export async function inbox(): Promise<CaughtEmail[]> {
  expect(MAILDEV_API_URL, 'MAILDEV_API_URL names the MailDev REST API (scripts/test.mjs sets it)').toBeTruthy();
  const response = await fetch(`${MAILDEV_API_URL}/email`);
  expect(response.ok, 'MailDev answers GET /email').toBe(true);
  return (await response.json()) as CaughtEmail[];
}

/** Waits for a new email to `address` (one not in `before`) whose text matches `pattern`; returns the match. */
export async function waitForEmail(address: string, before: Set<string>, pattern: RegExp): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const email = (await inbox()).find(
          (caught) => !before.has(caught.id) && caught.to.some((to) => to.address === address),
        );
        found = email?.text?.match(pattern)?.[0];
        return found;
      },
      { message: `an email for ${address} in MailDev`, timeout: 20_000 },
    )
    .toBeTruthy();
  return found ?? '';
}

export async function seenEmailIds(): Promise<Set<string>> {
  return new Set((await inbox()).map((email) => email.id));
}

/**
 * Signs `address` in as a person would: asks for a link on the sign-in page, opens the emailed link in the
 * same browser (the link is bound to it) and confirms. Ends on whatever the sign-in leads to (/app, or the
 * second-factor step).
 */
export async function signInByEmail(page: Page, address: string): Promise<void> {
  await withAddress(address, async () => {
    const before = await seenEmailIds();
    await page.goto('/sign-in');
    await page.getByLabel(/Email address|Correo electrónico/).fill(address);
    await page.getByRole('button', { name: /Email me a sign-in link|Enviarme/ }).click();
    await expect(page).toHaveURL(/\/sign-in\/check-email\?/);
    const link = await waitForEmail(address, before, /https?:\/\/\S+\/auth\/magic\?token=[\w%-]+/);
    const url = new URL(link);
    await page.goto(url.pathname + url.search);
    await page.getByRole('button', { name: /^(Sign in|Iniciar sesión)$/ }).click();
    await expect(page).toHaveURL(/\/(app|portal|sign-in\/mfa)$/);
  });
}

/**
 * Signs a client in as the business's emails send them: its portal page (`/portal/{slug}/sign-in`), the
 * emailed link, the button. Ends in the client portal.
 */
export async function signInToPortal(page: Page, slug: string, address: string): Promise<void> {
  await withAddress(address, async () => {
    const before = await seenEmailIds();
    await page.goto(`/portal/${slug}/sign-in`);
    await page.getByLabel(/Email address|Correo electrónico/).fill(address);
    await page.getByRole('button', { name: /Email me a sign-in link|Enviarme/ }).click();
    await expect(page).toHaveURL(new RegExp(`/sign-in/check-email\\?.*portal=${slug}`));
    const link = new URL(await waitForEmail(address, before, /https?:\/\/\S+\/auth\/magic\?token=[\w%-]+/));
    await page.goto(link.pathname + link.search);
    await page.getByRole('button', { name: /^(Sign in|Iniciar sesión)$/ }).click();
    await expect(page).toHaveURL(/\/portal$/);
  });
}

/**
 * Signs in someone who must have an authenticator and has none yet (an Admin's first sign-in): sets one up on
 * the second-factor page as a person would, codes from `totp`, and ends on /app. The enrolment sticks for the
 * run's database, so each spec enrols a user no other spec signs in.
 */
export async function signInEnrollingAuthenticator(page: Page, address: string): Promise<void> {
  await signInByEmail(page, address);
  await expect(page).toHaveURL(/\/sign-in\/mfa$/);
  await expect(
    page.getByRole('button', { name: 'Set up authenticator app' }),
    `${address} has no authenticator yet (another spec of this run enrolled it first?)`,
  ).toBeVisible();
  await page.getByRole('button', { name: 'Set up authenticator app' }).click();
  const secret = (await page.locator('code').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await page.getByRole('button', { name: 'Confirm and continue' }).click();
  await page.getByLabel('Verification code').fill(totp(secret));
  await page.getByRole('button', { name: 'Confirm and continue' }).click();
  await page.getByRole('button', { name: 'I have saved my codes, continue' }).click();
  await expect(page).toHaveURL(/\/app$/);
}

const LOCK_STALE_MS = 60_000;

/**
 * Runs `flow` while no other worker of this run is between asking for a link to `address` and using it. The
 * inbox is shared: two workers signing the same person in at once could each take the other's email, and a
 * link only works in the browser that asked for it. A lock file per address (in the OS temp folder, named by
 * the run's web origin) keeps them in turn; a lock older than a minute is a crashed worker's and is taken over.
 */
export async function withAddress<T>(address: string, flow: () => Promise<T>): Promise<T> {
  const origin = (process.env.E2E_BASE_URL ?? 'local').replace(/\W+/g, '_');
  const lock = join(tmpdir(), `ontrack-e2e-${origin}-${address.replace(/\W+/g, '_')}.lock`);
  for (;;) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const age = await stat(lock).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (age > LOCK_STALE_MS) await rm(lock, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await flow();
  } finally {
    await rm(lock, { force: true });
  }
}

/** RFC 6238 (SHA-1, 6 digits, 30 s) from a Base32 secret, as an authenticator app would. */
export function totp(secret: string, at = Date.now()): string {
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
