import { expect, type Locator, type Page, test } from '@playwright/test';
import { callApi } from './api-from-page';
import { expectNoAxeViolations } from './axe';
import { signInByEmail } from './mail-sign-in';

// The contact screens (issue 7): office staff search, open, edit, create (with the duplicate warning), add a
// property, trash and restore; import and export CSV; a phone-sized pass; Crew refused. Seed:
// packages/db/src/seed-crm-data.ts (Jordan Smith is demo contact 1005; 2001 belongs to the other business).
const JORDAN_ID = '01970000-0000-7000-8000-000000001005';
const JORDAN_EMAIL = 'jordan.smith@example.com';
const OTHER_TENANT_CONTACT_ID = '01970000-0000-7000-8000-000000002001';

function toastWith(page: Page, text: string | RegExp): Locator {
  return page.getByRole('region', { name: /^Notifications/ }).getByText(text);
}

function main(page: Page): Locator {
  return page.getByRole('main');
}

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `nothing scrolls sideways: ${label}`).toBeLessThanOrEqual(0);
}

test.describe('contacts', () => {
  // Sign-in by emailed link, many writes and an axe pass per state: more than the default.
  test.describe.configure({ timeout: 180_000 });

  test('office staff search, open, edit, create with a duplicate warning, add a property, trash and restore', async ({
    page,
  }) => {
    const stamp = Date.now();
    await signInByEmail(page, 'office@demo.test');
    await expect(page).toHaveURL(/\/app$/);

    await test.step('the list, searched in the address bar', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
      await expect(page).toHaveURL(/\/contacts$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
      const table = page.getByRole('table', { name: 'Contacts' });
      await expect(table.getByRole('link').first()).toBeVisible();
      await expect(main(page).getByRole('button', { name: 'Export CSV' })).toBeVisible();
      await expectNoAxeViolations(page, 'contact list');

      // A misspelling still finds the contact (the API's fuzzy search), once typing pauses.
      await page.getByRole('searchbox', { name: 'Search' }).fill('smyth');
      await expect(page).toHaveURL(/\/contacts\?q=smyth$/);
      await expect(table.getByRole('link', { name: 'Jordan Smith', exact: true })).toBeVisible();
      await expectNoAxeViolations(page, 'contact list searched');

      await page.getByRole('searchbox', { name: 'Search' }).fill('qzxwv-nomatch');
      await expect(page.getByRole('heading', { level: 2, name: 'No contacts match' })).toBeVisible();
      await expectNoAxeViolations(page, 'contact list with no match');
      await main(page).getByRole('button', { name: 'Clear filters' }).click();
      await expect(page).toHaveURL(/\/contacts$/);
      await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');

      // Filters combine and survive a reload (a shared link).
      await page.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Companies' });
      await page.getByRole('textbox', { name: 'Tags' }).fill('Net 30');
      await expect(page).toHaveURL(/\/contacts\?tag=net-30&kind=company$/);
      await expect(table.getByRole('link', { name: 'Brightside Dental' })).toBeVisible();
      await expect(table.getByRole('link', { name: 'Jordan Smith', exact: true })).toBeHidden();
      await page.reload();
      await expect(page.getByRole('textbox', { name: 'Tags' })).toHaveValue('net-30');
      await expect(table.getByRole('link', { name: 'Brightside Dental' })).toBeVisible();

      await page.goto('/contacts?q=smyth');
      await table.getByRole('link', { name: 'Jordan Smith', exact: true }).click();
      await expect(page).toHaveURL(`/contacts/${JORDAN_ID}`);
    });

    await test.step('the contact: details, properties, leads and history', async () => {
      await expect(page.getByRole('heading', { level: 1, name: 'Jordan Smith' })).toBeVisible();
      await expect(main(page).getByRole('link', { name: JORDAN_EMAIL })).toHaveAttribute(
        'href',
        `mailto:${JORDAN_EMAIL}`,
      );
      await expect(page.getByRole('heading', { level: 2, name: 'Properties' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Leads' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
      await expectNoAxeViolations(page, 'contact page');
    });

    await test.step('an edit is saved with the version it was based on', async () => {
      const notes = `Prefers morning visits (checked ${stamp}).`;
      await page.getByRole('button', { name: 'Edit contact' }).click();
      const notesField = page.getByRole('textbox', { name: 'Notes' });
      await expect(notesField).toBeVisible();
      await expectNoAxeViolations(page, 'contact edit form');
      await notesField.fill(notes);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(toastWith(page, 'Changes saved')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Edit contact' })).toBeFocused();
      await expect(main(page).getByText(notes, { exact: true })).toBeVisible();
      await expect(
        main(page).getByRole('listitem').filter({ hasText: 'Olivia Office changed notes' }).first(),
      ).toBeVisible();
    });

    await test.step('an edit over someone else’s change is refused and offers their version', async () => {
      await page.getByRole('button', { name: 'Edit contact' }).click();
      await page.getByRole('textbox', { name: 'Company' }).fill('Smith Household');
      // Meanwhile someone else changes the contact (a new version).
      const current = await callApi<{ version: number }>(page, `/api/v1/contacts/${JORDAN_ID}`);
      const elsewhere = await page.evaluate(
        async ({ id, version }) => {
          const csrf = document.cookie
            .split('; ')
            .find((pair) => pair.startsWith('__Host-ontrack_csrf='))
            ?.split('=')[1];
          const response = await fetch(`/api/v1/contacts/${id}`, {
            method: 'PATCH',
            headers: {
              'content-type': 'application/json',
              'if-match': `"${version}"`,
              'x-csrf-token': decodeURIComponent(csrf ?? ''),
            },
            body: JSON.stringify({ companyName: 'Smith & Sons' }),
          });
          return response.status;
        },
        { id: JORDAN_ID, version: current.data.version },
      );
      expect(elsewhere).toBe(200);
      await page.getByRole('button', { name: 'Save changes' }).click();
      const stale = main(page).getByRole('alert').filter({ hasText: 'Someone else changed this contact' });
      await expect(stale).toBeVisible();
      await expect(stale).toContainText('changed by someone else');
      await expectNoAxeViolations(page, 'contact edit refused as stale');
      await stale.getByRole('button', { name: 'Reload contact' }).click();
      await expect(page.getByRole('textbox', { name: 'Company' })).toHaveValue('Smith & Sons');
      await page.getByRole('textbox', { name: 'Company' }).fill('');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByRole('button', { name: 'Edit contact' })).toBeFocused();
      const saved = await callApi<{ companyName: string | null }>(page, `/api/v1/contacts/${JORDAN_ID}`);
      expect(saved.data.companyName).toBeNull();
    });

    let created = '';
    await test.step('a new contact with an existing email: field errors, then the duplicate warning', async () => {
      await page.goto('/contacts');
      await main(page).getByRole('button', { name: 'New contact' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'New contact' });
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page, 'new contact dialog');
      // The page's own check: a name is required.
      await dialog.getByRole('button', { name: 'Create contact' }).click();
      const name = dialog.getByRole('textbox', { name: 'Name' });
      await expect(name).toBeFocused();
      await expect(name).toHaveAccessibleDescription(/Enter a name/);
      // The API's check, shown under its field: seven digits are no phone number in the US.
      await name.fill(`Jordan Smith ${stamp}`);
      await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill(JORDAN_EMAIL.toUpperCase());
      await dialog.getByRole('textbox', { name: 'Phone', exact: true }).fill('555-0100');
      await dialog.getByRole('button', { name: 'Create contact' }).click();
      const phone = dialog.getByRole('textbox', { name: 'Phone', exact: true });
      await expect(phone).toHaveAccessibleDescription(/must be a phone number/);
      await expect(phone).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page, 'new contact dialog with field errors');
      await phone.fill('');
      await dialog.getByRole('button', { name: 'Create contact' }).click();

      await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
      created = page.url().split('/').at(-1) ?? '';
      await expect(page.getByRole('heading', { level: 1, name: `Jordan Smith ${stamp}` })).toBeVisible();
      const warning = page.getByRole('region', { name: 'A contact may be the same customer' });
      await expect(warning).toContainText(`has the same email address: ${JORDAN_EMAIL}`);
      await expect(warning.getByRole('link', { name: 'Jordan Smith' })).toHaveAttribute(
        'href',
        `/contacts/${JORDAN_ID}`,
      );
      await expectNoAxeViolations(page, 'new contact with the duplicate warning');
    });

    await test.step('a property with its gate code', async () => {
      await page.getByRole('button', { name: 'Add property' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add property' });
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page, 'add property dialog');
      await dialog.getByRole('textbox', { name: 'Label' }).fill('Lake house');
      await dialog.getByRole('textbox', { name: 'Street address' }).fill('4100 Lakeshore Dr');
      await dialog.getByRole('textbox', { name: 'City' }).fill('Austin');
      await dialog.getByRole('textbox', { name: 'State or region' }).fill('TX');
      await dialog.getByRole('textbox', { name: 'ZIP or postal code' }).fill('78703');
      await dialog.getByRole('textbox', { name: 'Gate code' }).fill('#4821');
      await dialog.getByRole('button', { name: 'Add property' }).click();
      await expect(dialog).toBeHidden();
      await expect(toastWith(page, 'Property added')).toBeVisible();
      const card = main(page)
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Lake house' }) });
      await expect(card).toContainText('4100 Lakeshore Dr, Austin, TX 78703');
      await expect(card).toContainText('#4821');
      await expectNoAxeViolations(page, 'contact with a property');
    });

    await test.step('to the trash and back', async () => {
      await page.getByRole('button', { name: 'Move to trash' }).click();
      const confirm = page.getByRole('dialog', { name: `Move Jordan Smith ${stamp} to the trash?` });
      await expectNoAxeViolations(page, 'move to trash dialog');
      await confirm.getByRole('button', { name: 'Move to trash' }).click();
      await expect(confirm).toBeHidden();
      await expect(main(page).getByText('This contact is in the trash')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Edit contact' })).toBeHidden();

      // Gone from the list: a search finds the seeded Jordan Smith, not the one in the trash.
      await page.goto(`/contacts?q=${encodeURIComponent(`Jordan Smith ${stamp}`)}`);
      const list = page.getByRole('table', { name: 'Contacts' });
      await expect(list.getByRole('link', { name: 'Jordan Smith', exact: true })).toBeVisible();
      await expect(list.getByRole('link', { name: `Jordan Smith ${stamp}` })).toHaveCount(0);
      await main(page).getByRole('link', { name: 'Trash' }).click();
      await expect(page).toHaveURL(/\/contacts\?trash=1$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
      const trash = page.getByRole('table', { name: 'Contacts in the trash' });
      await expect(trash.getByRole('link', { name: `Jordan Smith ${stamp}` })).toBeVisible();
      await expectNoAxeViolations(page, 'trash');
      await trash.getByRole('link', { name: `Jordan Smith ${stamp}` }).click();
      await expect(page).toHaveURL(`/contacts/${created}`);
      await page.getByRole('button', { name: 'Restore contact' }).click();
      await expect(toastWith(page, `Jordan Smith ${stamp} is back in your contacts`)).toBeVisible();
      await expect(main(page).getByText('This contact is in the trash')).toBeHidden();
      await expect(page.getByRole('button', { name: 'Edit contact' })).toBeVisible();
      await expect(
        main(page).getByRole('listitem').filter({ hasText: 'Olivia Office restored the contact' }),
      ).toBeVisible();
      await expectNoAxeViolations(page, 'restored contact');
    });

    await test.step('another business’s contact is not found', async () => {
      await page.goto(`/contacts/${OTHER_TENANT_CONTACT_ID}`);
      await expect(main(page).getByRole('alert')).toContainText('Contact not found');
      await expectNoAxeViolations(page, 'contact not found');
    });
  });

  test('office staff import a CSV after a dry run, and export the list', async ({ page }) => {
    const stamp = Date.now();
    await signInByEmail(page, 'office@demo.test');
    await expect(page).toHaveURL(/\/app$/);
    await page.goto('/contacts');
    await main(page).getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import contacts from a CSV file' });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, 'import dialog');
    const csv = [
      'name,email,phone,tags,favourite colour',
      `Import Ana ${stamp},ana-${stamp}@example.com,,t${stamp},blue`,
      `Import Ben ${stamp},not-an-email,,,green`,
      `Import Cy ${stamp},,(512) 555-0177,vip,red`,
    ].join('\n');
    await dialog
      .getByLabel('CSV file')
      .setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(dialog.getByRole('heading', { name: 'What the import will do' })).toBeVisible();
    await expect(dialog).toContainText('3 rows in the file: 2 contacts ready to import, 1 problem found.');
    await expect(dialog).toContainText('Columns that are not read: favourite colour.');
    const rejected = dialog.getByRole('table', { name: 'Rows that will not be imported' });
    await expect(rejected.getByRole('row').filter({ hasText: 'email' })).toContainText('2');
    await expectNoAxeViolations(page, 'import dry-run report');
    await dialog.getByRole('button', { name: 'Import 2 contacts' }).click();
    await expect(dialog).toBeHidden();
    await expect(toastWith(page, '2 contacts were imported')).toBeVisible();
    // Ana's tag is hers alone: the list, and the export that follows its filters, hold her only.
    await page.getByRole('textbox', { name: 'Tags' }).fill(`t${stamp}`);
    await expect(page).toHaveURL(new RegExp(`/contacts\\?tag=t${stamp}$`));
    const table = page.getByRole('table', { name: 'Contacts' });
    await expect(table.getByRole('link', { name: `Import Ana ${stamp}` })).toBeVisible();
    await expect(table.getByRole('link')).toHaveCount(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main(page).getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const exported = (await readFile(path, 'utf8')).trim().split(/\r?\n/);
    expect(exported[0]).toMatch(/^id,displayName,kind,/);
    expect(exported).toHaveLength(2);
    expect(exported[1]).toContain(`ana-${stamp}@example.com`);
  });

  test('on a 360 px phone the list is cards and every page fits', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signInByEmail(page, 'office@demo.test');
    await expect(page).toHaveURL(/\/app$/);
    await page.goto('/contacts');
    const cards = page.getByRole('list', { name: 'Contacts' });
    await expect(cards.getByRole('link').first()).toBeVisible();
    await expect(page.getByRole('table', { name: 'Contacts' })).toBeHidden();
    for (const button of await main(page).getByRole('button').all()) {
      if (!(await button.isVisible())) continue;
      const box = await button.boundingBox();
      expect(box?.height, `${await button.textContent()} is at least 44 px tall`).toBeGreaterThanOrEqual(44);
    }
    const link = await cards.getByRole('link').first().boundingBox();
    expect(link?.height, 'a contact’s name is a 44 px target').toBeGreaterThanOrEqual(44);
    await expectNoSidewaysScroll(page, 'contact list at 360 px');
    await expectNoAxeViolations(page, 'contact list at 360 px');

    // The demo has more contacts than a page: the next page (the API's cursor) joins the list, and focus
    // moves to the first contact it brought.
    await expect(cards.locator(':scope > li')).toHaveCount(25);
    const firstPage = await cards.getByRole('link').allTextContents();
    await main(page).getByRole('button', { name: 'Load more contacts' }).click();
    await expect(cards.locator(':scope > li').nth(25)).toBeVisible();
    await expect(cards.getByRole('link').nth(25)).toBeFocused();
    const everything = await cards.getByRole('link').allTextContents();
    expect(everything.slice(0, 25)).toEqual(firstPage);
    expect(new Set(everything).size, 'no contact twice').toBe(everything.length);

    await main(page).getByRole('button', { name: 'New contact' }).first().click();
    await expect(page.getByRole('dialog', { name: 'New contact' })).toBeVisible();
    await expectNoAxeViolations(page, 'new contact dialog at 360 px');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(main(page).getByRole('button', { name: 'New contact' }).first()).toBeFocused();

    await page.goto(`/contacts/${JORDAN_ID}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Jordan Smith' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'contact page at 360 px');
    await expectNoAxeViolations(page, 'contact page at 360 px');
    await page.getByRole('button', { name: 'Edit contact' }).click();
    await expect(page.getByRole('textbox', { name: 'Notes' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'contact edit form at 360 px');
    await expectNoAxeViolations(page, 'contact edit form at 360 px');
  });

  test('crew, who may not read contacts, are refused the pages', async ({ page }) => {
    // Carlos Crew's account is in Spanish (seed); crew lack contacts:read (docs/permissions.md).
    await signInByEmail(page, 'crew@demo.test');
    await expect(page).toHaveURL(/\/app$/);
    const nav = page.getByRole('navigation', { name: 'Principal' });
    await expect(nav).toBeVisible();
    expect(await nav.getByRole('link').allTextContents()).not.toContain('Contactos');
    for (const path of ['/contacts', `/contacts/${JORDAN_ID}`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(path === '/contacts' ? 'Contactos' : 'Contacto');
      await expect(main(page).getByRole('alert')).toContainText('No tienes acceso a esta página');
      await expect(page.getByRole('searchbox')).toHaveCount(0);
      await expectNoAxeViolations(page, `${path} refused (crew)`);
    }
  });
});
