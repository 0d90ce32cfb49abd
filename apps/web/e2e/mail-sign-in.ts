import { createHmac } from 'node:crypto';
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
  const before = await seenEmailIds();
  await page.goto('/sign-in');
  await page.getByLabel(/Email address|Correo electrónico/).fill(address);
  await page.getByRole('button', { name: /Email me a sign-in link|Enviarme/ }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email\?/);
  const link = await waitForEmail(address, before, /https?:\/\/\S+\/auth\/magic\?token=[\w%-]+/);
  const url = new URL(link);
  await page.goto(url.pathname + url.search);
  await page.getByRole('button', { name: /^(Sign in|Iniciar sesión)$/ }).click();
  await expect(page).toHaveURL(/\/(app|sign-in\/mfa)$/);
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
