import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

/** Chromium logs every CSP refusal to the console: collect them to assert there were none. */
function watchCsp(page: Page): string[] {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });
  return refusals;
}

const MAILDEV_API_URL = process.env.MAILDEV_API_URL;

/** The sign-in link of the newest email MailDev caught for `address` after `since` (ids seen before). */
async function linkFor(address: string, seen: Set<string>): Promise<string | undefined> {
  const emails = (await (await fetch(`${MAILDEV_API_URL}/email`)).json()) as {
    id: string;
    to: { address: string }[];
    text?: string;
  }[];
  const email = emails.find((caught) => !seen.has(caught.id) && caught.to.some((to) => to.address === address));
  const link = email?.text?.match(/https?:\/\/\S+\/auth\/magic\?token=[\w%-]+/)?.[0];
  return link ? new URL(link).pathname + new URL(link).search : undefined;
}

test.describe('languages', () => {
  test.describe('a browser that prefers Spanish', () => {
    test.use({ locale: 'es-MX', extraHTTPHeaders: { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' } });

    test('gets the pages in Spanish, with <html lang="es">, and no axe violations', async ({ page }) => {
      const cspRefusals = watchCsp(page);
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'Cada trabajo en orden, desde la primera llamada hasta el pago final.',
      );
      const steps = page.getByRole('region', { name: 'Del contacto al pago, en un solo flujo' }).getByRole('listitem');
      await expect(steps.getByRole('heading')).toHaveText(['Contacto', 'Presupuesto', 'Trabajo', 'Factura', 'Pago']);
      await expectNoAxeViolations(page, 'home (es)');

      await page.goto('/sign-in');
      await expect(page).toHaveTitle('Iniciar sesión · OnTrack');
      await expect(page.getByRole('heading', { level: 1, name: 'Inicia sesión en OnTrack' })).toBeVisible();
      await page.getByRole('button', { name: 'Enviarme un enlace de acceso' }).click();
      await expect(page.getByLabel('Correo electrónico')).toHaveAccessibleDescription(/Escribe tu correo electrónico/);
      await expectNoAxeViolations(page, 'sign-in (es) with a field error');

      await page.goto('/sign-in/check-email?email=ana%40example.com');
      await expect(page.getByRole('main')).toContainText('Si una cuenta de OnTrack usa ana@example.com');
      await expectNoAxeViolations(page, 'check-email (es)');

      await page.goto('/auth/magic');
      await expect(page.getByRole('main')).toContainText('Este enlace de acceso está incompleto');
      await expectNoAxeViolations(page, 'magic link without a token (es)');

      await page.goto('/sign-in?error=oidc_no_account');
      await expect(page.getByRole('main').getByRole('alert')).toContainText('Ninguna cuenta de OnTrack usa ese correo');

      const missing = await page.goto('/no-existe');
      expect(missing?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página no encontrada');
      await expectNoAxeViolations(page, 'not-found (es)');
      expect(cspRefusals).toEqual([]);
    });
  });

  test('the switcher changes the language, remembers it, and wins over the browser’s', async ({ page, context }) => {
    const cspRefusals = watchCsp(page);
    await page.goto('/sign-in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const switcher = page.getByRole('form', { name: 'Language' });
    await expect(switcher.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    await expect(switcher.getByRole('button', { name: 'Español' })).toHaveAttribute('lang', 'es');

    await switcher.getByRole('button', { name: 'Español' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inicia sesión en OnTrack');
    await expect(page).toHaveURL(/\/sign-in$/);
    const idioma = page.getByRole('form', { name: 'Idioma' });
    await expect(idioma.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');
    await expectNoAxeViolations(page, 'sign-in after switching to Spanish');
    const cookie = (await context.cookies()).find((candidate) => candidate.name === 'NEXT_LOCALE');
    expect(cookie).toMatchObject({ value: 'es', httpOnly: true, sameSite: 'Lax' });

    // Remembered on the next visit, on every page.
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Descubre cómo funciona' })).toBeVisible();

    await page.getByRole('form', { name: 'Idioma' }).getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('link', { name: 'See how it works' })).toBeVisible();
    expect(cspRefusals).toEqual([]);
  });

  test('the switcher works without JavaScript (a plain form)', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    try {
      const page = await context.newPage();
      await page.goto('/sign-in');
      await page.getByRole('button', { name: 'Español' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inicia sesión en OnTrack');
    } finally {
      await context.close();
    }
  });

  test('a signed-in user sees the language of their account, whatever the browser prefers', async ({ page }) => {
    expect(MAILDEV_API_URL, 'MAILDEV_API_URL (scripts/test.mjs sets it)').toBeTruthy();
    // Carlos Crew's account (seed) says Spanish; this browser asks for English and has no language cookie.
    const address = 'crew@demo.test';
    const seen = new Set(
      ((await (await fetch(`${MAILDEV_API_URL}/email`)).json()) as { id: string }[]).map((email) => email.id),
    );
    await page.goto('/sign-in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByLabel('Email address').fill(address);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page).toHaveURL(/\/sign-in\/check-email\?/);
    let link: string | undefined;
    await expect
      .poll(
        async () => {
          link = await linkFor(address, seen);
          return link;
        },
        { timeout: 20_000 },
      )
      .toBeTruthy();
    await page.goto(link ?? '');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/app$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hola, Carlos Crew');
    await expect(page.getByRole('heading', { level: 2, name: 'Tus trabajos de hoy' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Abrir Trabajos' })).toBeVisible();
    await expectNoAxeViolations(page, 'signed-in landing (es)');
  });
});
