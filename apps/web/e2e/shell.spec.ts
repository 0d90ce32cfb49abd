import { type Browser, expect, type Page, test } from '@playwright/test';
import { callApi } from './api-from-page';
import { expectNoAxeViolations } from './axe';
import { seenEmailIds, signInByEmail, signInEnrollingAuthenticator, waitForEmail } from './mail-sign-in';

const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: /^(Main|Principal)$/ });
}

async function navLinkNames(page: Page): Promise<string[]> {
  const nav = mainNav(page);
  await expect(nav).toBeVisible();
  return nav.getByRole('link').allTextContents();
}

async function newSignedInPage(browser: Browser, baseURL: string | undefined, address: string, userAgent?: string) {
  const context = await browser.newContext({ baseURL, ...(userAgent ? { userAgent } : {}) });
  const page = await context.newPage();
  await signInByEmail(page, address);
  await expect(page).toHaveURL(/\/app$/);
  return { context, page };
}

test.describe('the signed-in shell', () => {
  test('office staff see the office work, billing and settings', async ({ page }) => {
    await signInByEmail(page, 'office@demo.test');
    await expect(page).toHaveURL(/\/app$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Olivia Office' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Today at the office' })).toBeVisible();
    expect(await navLinkNames(page)).toEqual([
      'Dashboard',
      'Contacts',
      'Leads',
      'Jobs',
      'Invoices',
      'Activity',
      'Settings',
    ]);
    await expect(mainNav(page).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('active-business')).toHaveText('Evergreen Landscaping');
    await expect(page.getByRole('heading', { level: 3, name: 'Nothing overdue' })).toBeVisible();
    await expectNoAxeViolations(page, 'dashboard (office staff)');

    await mainNav(page).getByRole('link', { name: 'Contacts' }).click();
    await expect(page).toHaveURL(/\/contacts$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
    await expect(page.getByRole('main').getByText('Chris Client').first()).toBeVisible();
    await expectNoAxeViolations(page, 'contacts list');

    await mainNav(page).getByRole('link', { name: 'Invoices' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'No invoices yet' })).toBeVisible();
    await expectNoAxeViolations(page, 'invoices placeholder');

    await mainNav(page).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: /Your devices/ })).toBeVisible();
    await expectNoAxeViolations(page, 'settings');
  });

  test('on a 360 px phone the menu is a sheet with large touch targets', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signInByEmail(page, 'office@demo.test');
    await expect(page).toHaveURL(/\/app$/);
    await expect(mainNav(page)).toBeHidden();
    const menu = page.getByRole('button', { name: 'Menu' });
    const menuBox = await menu.boundingBox();
    expect(menuBox?.height).toBeGreaterThanOrEqual(44);
    expect(menuBox?.width).toBeGreaterThanOrEqual(44);
    await expectNoAxeViolations(page, 'dashboard at 360 px');

    await menu.click();
    const sheet = page.getByRole('dialog', { name: 'Menu' });
    await expect(sheet).toBeVisible();
    for (const link of await sheet.getByRole('navigation').getByRole('link').all()) {
      const box = await link.boundingBox();
      expect(box?.height, `${await link.textContent()} is at least 44 px tall`).toBeGreaterThanOrEqual(44);
    }
    await expectNoAxeViolations(page, 'menu sheet at 360 px');
    await sheet.getByRole('link', { name: 'Leads' }).click();
    await expect(sheet).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
    // The pipeline board (the seed has leads in every stage): its first column.
    await expect(page.getByRole('region', { name: 'New', exact: true })).toBeVisible();
  });

  test('crew see neither billing nor settings, and a settings page refuses them', async ({ page }) => {
    // Carlos Crew's account is in Spanish (seed).
    await signInByEmail(page, 'crew@demo.test');
    await expect(page).toHaveURL(/\/app$/);
    const links = await navLinkNames(page);
    expect(links).toContain('Panel');
    // Their own permissions (GET /me/access): crew work their jobs, never billing or settings.
    expect(links).toContain('Trabajos');
    expect(links).not.toContain('Facturas');
    expect(links).not.toContain('Configuración');
    expect(links).not.toContain('Contactos');
    await expectNoAxeViolations(page, 'dashboard (crew)');

    for (const path of ['/settings', '/invoices']) {
      await page.goto(path);
      await expect(page.getByRole('main').getByRole('alert')).toContainText('No tienes acceso a esta página');
      await expect(page.getByRole('main').getByRole('alert')).toContainText('Evergreen Landscaping');
      await expectNoAxeViolations(page, `${path} refused (crew)`);
    }

    // Their own devices are theirs to manage, whatever their role.
    await page.goto('/settings/devices');
    await expect(page.getByRole('heading', { level: 1, name: 'Tus dispositivos' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Dispositivos con sesión iniciada' })).toContainText(
      'Este dispositivo',
    );
  });

  test('signs out another device, whose next request ends at sign-in', async ({ browser, baseURL }) => {
    const here = await newSignedInPage(browser, baseURL, 'crew@demo.test');
    const phone = await newSignedInPage(browser, baseURL, 'crew@demo.test', IPHONE_UA);
    try {
      await here.page.goto('/settings/devices');
      const list = here.page.getByRole('list', { name: 'Dispositivos con sesión iniciada' });
      await expect(list.getByRole('listitem').filter({ hasText: 'Este dispositivo' })).toHaveCount(1);
      await expect(list.getByRole('listitem').filter({ hasText: 'Safari · iPhone' }).first()).toBeVisible();
      await expectNoAxeViolations(here.page, 'devices');

      // Only the phone: other tests may have Carlos signed in elsewhere at the same time.
      await list.getByRole('button', { name: 'Cerrar sesión en Safari · iPhone' }).first().click();
      await expect(here.page.getByRole('status').filter({ hasText: 'Safari · iPhone' })).toContainText(
        'Se cerró la sesión',
      );
      await expect(list.getByRole('listitem').filter({ hasText: 'Safari · iPhone' })).toHaveCount(0);
      await expectNoAxeViolations(here.page, 'devices after signing one out');

      await phone.page.goto('/settings/devices');
      await expect(phone.page).toHaveURL(/\/sign-in$/);

      // This device is untouched.
      await here.page.reload();
      await expect(list.getByRole('listitem').filter({ hasText: 'Este dispositivo' })).toHaveCount(1);
    } finally {
      await here.context.close();
      await phone.context.close();
    }
  });
  test('switches between the businesses of someone with two memberships', async ({ browser, baseURL, page }) => {
    // No seeded user belongs to two businesses: Summit's administrator invites Priya (Evergreen's property
    // manager) as Office Staff, and she accepts the emailed invitation.
    await signInEnrollingAuthenticator(page, 'admin@other.test');
    const roles = await callApi<{ id: string; key: string }[]>(page, '/api/v1/roles');
    expect(roles.status).toBe(200);
    const officeRole = roles.data.find((role) => role.key === 'office_staff');
    const before = await seenEmailIds();
    const invited = await callApi(page, '/api/v1/invitations', 'POST', {
      email: 'pm@demo.test',
      roleId: officeRole?.id,
    });
    expect(invited.status).toBe(201);
    const link = await waitForEmail('pm@demo.test', before, /https?:\/\/\S+\/auth\/invitation\?token=[\w%-]+/);
    const token = new URL(link).searchParams.get('token');

    const context = await browser.newContext({ baseURL });
    try {
      const priya = await context.newPage();
      await priya.goto('/sign-in');
      const accepted = await callApi(priya, '/api/v1/auth/invitations/accept', 'POST', { token });
      expect(accepted.status).toBe(200);

      await priya.goto('/app');
      const switcher = priya.getByRole('combobox', { name: 'Working in' });
      await expect(switcher).toBeVisible();
      const first = (await switcher.textContent())?.trim() ?? '';
      expect(['Evergreen Landscaping', 'Summit Roofing & Remodeling']).toContain(first);
      const other = first === 'Evergreen Landscaping' ? 'Summit Roofing & Remodeling' : 'Evergreen Landscaping';
      await expectNoAxeViolations(priya, 'dashboard with the business switcher');

      await switcher.click();
      await priya.getByRole('option', { name: other }).click();
      await expect(switcher).toHaveText(other);
      // The navigation follows the business: Office Staff at Summit, Property Manager at Evergreen.
      const links = await navLinkNames(priya);
      expect(links.includes('Settings')).toBe(other === 'Summit Roofing & Remodeling');
      await priya.reload();
      await expect(priya.getByRole('combobox', { name: 'Working in' })).toHaveText(other);
    } finally {
      await context.close();
    }
  });
});
