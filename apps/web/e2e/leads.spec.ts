import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { callApi } from './api-from-page';
import { expectNoAxeViolations } from './axe';
import { signInByEmail } from './mail-sign-in';

// The leads slice from the outside in: a visitor asks for work through the business's public form (embedded on
// "its own website", another origin), office staff find the new lead on the board, drag it with the mouse,
// move it on by keyboard, open it and convert it; then the board one-handed on a phone.

const BUSINESS = 'Evergreen Landscaping';
/** Miguel Ángel Torres in the seed: a contact to hang the other tests' own leads on. */
const SEED_CONTACT_ID = '01970000-0000-7000-8000-000000001004';

function column(page: Page, stage: string): Locator {
  return page.getByRole('region', { name: stage, exact: true });
}

/** A lead's card in a column, found by the contact's name (its heading). */
function card(stage: Locator, contact: string): Locator {
  return stage.getByRole('listitem').filter({ has: stage.page().getByRole('heading', { name: contact, exact: true }) });
}

/** A mouse drag as a person does it: press on the card, move in steps (dnd-kit starts after 6 px), release. */
async function dragWithMouse(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('the card or the column is not on screen');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 10, start.y + start.height / 2, { steps: 3 });
  await page.mouse.move(end.x + end.width / 2, end.y + 120, { steps: 12 });
  await page.mouse.up();
}

/** Changes a lead through the API as someone else would, with the version it has now (If-Match). */
async function patchLead(page: Page, id: string, patch: Record<string, unknown>): Promise<number> {
  const current = await callApi<{ version: number }>(page, `/api/v1/leads/${id}`);
  return page.evaluate(
    async ({ id, version, patch }) => {
      const csrf = document.cookie
        .split('; ')
        .find((pair) => pair.startsWith('__Host-ontrack_csrf='))
        ?.split('=')[1];
      const response = await fetch(`/api/v1/leads/${id}`, {
        method: 'PATCH',
        headers: {
          'content-type': 'application/json',
          'if-match': `"${version}"`,
          ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}),
        },
        body: JSON.stringify(patch),
      });
      return response.status;
    },
    { id, version: current.data.version, patch },
  );
}

/** A one-page website on localhost: another site than the app's 127.0.0.1, as a business's own site is. */
async function serveWebsite(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test.describe('leads: the public form, the board and a lead', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a visitor asks for work on the embedded form; the office drags, moves and converts the lead', async ({
    page,
    browser,
    baseURL,
  }) => {
    const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const visitor = `Pat Visitor ${stamp}`;
    const service = `Spring cleanup ${stamp}`;
    const phone = `+1737555${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;

    await test.step('the form refuses what is missing and names each field, without and with JavaScript', async () => {
      // Without JavaScript the form still posts (a server action) and comes back with the errors.
      const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
      try {
        const plain = await noScript.newPage();
        await plain.goto('/r/demo');
        await plain.getByRole('button', { name: 'Send request' }).click();
        await expect(plain.getByRole('main').getByRole('alert')).toContainText('3 answers need a look');
        await expect(plain.getByRole('main').getByRole('alert')).toContainText('Say what you need done');
        await expect(plain.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
      } finally {
        await noScript.close();
      }

      const response = await page.goto('/r/demo');
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain('frame-ancestors *');
      expect(response?.headers()['x-frame-options']).toBeUndefined();
      await expect(page.getByRole('heading', { level: 1, name: `Request a quote from ${BUSINESS}` })).toBeVisible();
      // The honeypot is there for bots, hidden from people and their screen readers.
      const honeypot = page.locator('input[name="website"]');
      await expect(honeypot).toHaveAttribute('tabindex', '-1');
      await expect(honeypot).toHaveAttribute('autocomplete', 'off');
      await expectNoAxeViolations(page, 'public request form');

      // The rules across fields: an email or a phone; a phone for texts; a city with a street.
      await page.getByLabel('Your name').fill(visitor);
      await page.getByLabel('Street address').fill('12 Elm Street');
      await page.getByLabel('What do you need?').fill(service);
      await page.getByRole('checkbox', { name: /I agree to receive text messages from Evergreen/ }).check();
      await page.getByRole('button', { name: 'Send request' }).click();
      const summary = page.getByRole('main').getByRole('alert');
      await expect(summary).toBeFocused();
      await expect(summary).toContainText('Give an email address or a phone number');
      await expect(summary).toContainText('Enter your phone number to receive text messages');
      await expect(summary).toContainText('Enter the city of the street address');
      await expect(page.getByLabel('City')).toHaveAttribute('aria-invalid', 'true');
      // What was typed is still there.
      await expect(page.getByLabel('Your name')).toHaveValue(visitor);
      await expectNoAxeViolations(page, 'public request form with errors');
    });

    await test.step('embedded on another site, the visitor sends the request', async () => {
      // "The business's own website": another site (localhost is not the same site as 127.0.0.1), served for
      // real on this machine, framing the form as the settings' snippet does.
      const website = await serveWebsite(
        `<!doctype html><html lang="en"><head><title>Evergreen Landscaping</title></head><body><main><h1>Get a quote</h1><iframe src="${baseURL}/r/demo" title="Request a quote from ${BUSINESS}" width="100%" height="1400" style="border:0"></iframe></main></body></html>`,
      );
      const elsewhere = await browser.newContext();
      try {
        const host = await elsewhere.newPage();
        await host.goto(website.url);
        const form = host.frameLocator('iframe');
        await expect(form.getByRole('heading', { level: 1, name: `Request a quote from ${BUSINESS}` })).toBeVisible();
        await form.getByLabel('Your name').fill(visitor);
        await form.getByLabel('Email address').fill(`pat-${stamp}@example.com`);
        await form.getByLabel('Phone number').fill(phone);
        await form.getByLabel('Street address').fill('12 Elm Street');
        await form.getByLabel('City').fill('Austin');
        await form.getByLabel('ZIP or postal code').fill('78701');
        await form.getByLabel('What do you need?').fill(service);
        await form.getByLabel(/Anything else/).fill('The side gate is unlocked.');
        await form.getByRole('checkbox', { name: /I agree to receive text messages from Evergreen/ }).check();
        await form.getByRole('button', { name: 'Send request' }).click();
        await expect(
          form.getByRole('heading', { level: 1, name: `Thanks — ${BUSINESS} will get back to you` }),
        ).toBeFocused();
        await expectNoAxeViolations(host, 'request sent (embedded)');
      } finally {
        await elsewhere.close();
        await website.close();
      }
    });

    await signInByEmail(page, 'office@demo.test');

    await test.step('the business settings give the form’s link and the code to embed it', async () => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
      await page.goto('/settings/business');
      const section = page.getByRole('region', { name: 'Request form' });
      await expect(section.getByLabel('Link to the form')).toHaveValue(`${baseURL}/r/demo`);
      await expect(section.getByLabel('Embed it in your website')).toHaveValue(
        new RegExp(`^<iframe src="${baseURL}/r/demo" title="Request a quote from ${BUSINESS}"`),
      );
      await section.getByRole('button', { name: 'Copy the code' }).click();
      await expect(page.getByText('The code is copied.', { exact: true })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`src="${baseURL}/r/demo"`);
      await expectNoAxeViolations(page, 'business settings with the request form');
    });

    await test.step('the new lead is in the first column', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
      await expect(page).toHaveURL(/\/leads$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
      // New is the first column, where the form's leads land.
      await expect(page.locator('[data-stage-id]').first().getByRole('heading', { level: 2 })).toHaveText('New');
      await expect(card(column(page, 'New'), visitor)).toContainText(service);
      await expect(card(column(page, 'New'), visitor)).toContainText('Unassigned');
      await expectNoAxeViolations(page, 'lead board');
    });

    await test.step('dragged to Contacted with the mouse, and it stays there', async () => {
      // Pressed on the requested service: anywhere on the card but its link and buttons.
      await dragWithMouse(page, card(column(page, 'New'), visitor).getByText(service), column(page, 'Contacted'));
      await expect(card(column(page, 'Contacted'), visitor)).toBeVisible();
      await expect(card(column(page, 'New'), visitor)).toHaveCount(0);
      await page.reload();
      await expect(card(column(page, 'Contacted'), visitor)).toBeVisible();
    });

    await test.step('moved on to the next stage by keyboard: Space, Right arrow, Space', async () => {
      const handle = card(column(page, 'Contacted'), visitor).getByRole('button', {
        name: `Drag ${visitor} · ${service}`,
      });
      await handle.focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      await expect(page.getByText(`${visitor} · ${service} is over Site visit scheduled.`)).toBeAttached();
      await page.keyboard.press('Space');
      await expect(card(column(page, 'Site visit scheduled'), visitor)).toBeVisible();
      await expect(page.getByText(`${visitor} · ${service} was dropped in Site visit scheduled.`)).toBeAttached();
      // Focus follows the card to its new column, ready for the next move.
      await expect(
        card(column(page, 'Site visit scheduled'), visitor).getByRole('button', { name: /^Drag / }),
      ).toBeFocused();
      await expectNoAxeViolations(page, 'lead board after moves');
    });

    await test.step('the lead’s page shows its way through the pipeline', async () => {
      await card(column(page, 'Site visit scheduled'), visitor).getByRole('link', { name: visitor }).click();
      await expect(page).toHaveURL(/\/leads\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { level: 1, name: service })).toBeVisible();
      await expect(page.getByRole('link', { name: visitor })).toHaveAttribute('href', /\/contacts\/[0-9a-f-]{36}$/);
      const history = page.getByRole('region', { name: 'History' });
      await expect(history).toContainText('Created in New');
      await expect(history).toContainText('By the request form');
      await expect(history).toContainText('Moved from New to Contacted');
      await expect(history).toContainText('Moved from Contacted to Site visit scheduled');
      await expect(history).toContainText('By Olivia Office');
      const details = page.getByRole('region', { name: 'Details' });
      await expect(details).toContainText('Request form');
      await expect(details).toContainText('The side gate is unlocked.');
      await expectNoAxeViolations(page, 'lead page');
    });

    await test.step('edited with If-Match: a change made meanwhile is not overwritten', async () => {
      const leadId = new URL(page.url()).pathname.split('/').pop() ?? '';
      await page.getByRole('button', { name: 'Edit details' }).click();
      await expect(page.getByLabel('Requested service')).toBeFocused();
      await expect(page.getByLabel('Requested service')).toHaveValue(service);
      await expect(page.getByLabel('Source')).toHaveValue('web_form');
      await expectNoAxeViolations(page, 'lead edit form');
      // Someone else changes the lead now (the version moves on) …
      expect(await patchLead(page, leadId, { notes: 'Call after 5 pm.' })).toBe(200);
      // … so this save, made on the version read before, is refused (412) and nothing is overwritten.
      await page.getByLabel('Estimated value (USD)').fill('1,250.50');
      await page.getByRole('button', { name: 'Save changes' }).click();
      const stale = page.getByRole('alert').filter({ hasText: 'Someone else changed this lead' });
      await expect(stale).toBeFocused();
      await expectNoAxeViolations(page, 'lead edit refused as stale');
      await stale.getByRole('button', { name: 'Reload the lead' }).click();
      await expect(page.getByLabel('Notes')).toHaveValue('Call after 5 pm.');
      await expect(page.getByLabel('Estimated value (USD)')).toHaveValue('');
      await page.getByLabel('Estimated value (USD)').fill('1,250.50');
      await page.getByRole('button', { name: 'Save changes' }).click();
      const details = page.getByRole('region', { name: 'Details' });
      await expect(details).toContainText('$1,250.50');
      await expect(details).toContainText('Call after 5 pm.');
      await expect(page.getByRole('button', { name: 'Edit details' })).toBeFocused();
    });

    await test.step('converted: the lead already has its address, so it is one confirmation', async () => {
      await page.getByRole('button', { name: 'Convert to work' }).click();
      const dialog = page.getByRole('dialog', { name: `Convert the lead for ${visitor}` });
      await expect(dialog).toContainText('service address stays as it is');
      await expectNoAxeViolations(page, 'convert dialog');
      await dialog.getByRole('button', { name: 'Convert', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText('Converted', { exact: true }).first()).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'This lead became work on' })).toBeFocused();
      await expect(page.getByRole('region', { name: 'History' })).toContainText(
        'Moved from Site visit scheduled to Won',
      );
      await expect(page.getByRole('button', { name: 'Convert to work' })).toHaveCount(0);
      await expectNoAxeViolations(page, 'converted lead');
    });
  });

  test('on a 360 px phone the board scrolls a column at a time and cards move with “Move to…”', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signInByEmail(page, 'office@demo.test');
    const service = `Gutter cleaning ${Date.now().toString(36)}`;
    const created = await callApi<{ id: string }>(page, '/api/v1/leads', 'POST', {
      source: 'phone',
      requestedService: service,
      contactId: SEED_CONTACT_ID,
    });
    expect(created.status).toBe(201);

    await page.goto('/leads');
    const mine = (stage: string) => column(page, stage).getByRole('listitem').filter({ hasText: service });
    await expect(mine('New')).toBeVisible();
    // One column fills the screen; the others are reached by scrolling the board sideways (snapping to each).
    const scroller = column(page, 'New').locator('..');
    const sizes = await scroller.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      snap: getComputedStyle(element).scrollSnapType,
      pageWidth: document.documentElement.scrollWidth,
    }));
    expect(sizes.scrollWidth).toBeGreaterThan(sizes.clientWidth);
    expect(sizes.snap).toContain('x');
    expect(sizes.pageWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, 'lead board at 360 px');

    await mine('New').getByRole('button', { name: 'Move to…' }).click();
    await expectNoAxeViolations(page, 'move-to menu at 360 px');
    await page.getByRole('dialog').getByRole('button', { name: 'Contacted' }).click();
    await expect(mine('Contacted')).toBeVisible();
    await expect(mine('New')).toHaveCount(0);
    await expect(mine('Contacted').getByRole('button', { name: 'Move to…' })).toBeFocused();

    // Lost needs a reason: asked first, then the card moves.
    await mine('Contacted').getByRole('button', { name: 'Move to…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lost' }).click();
    const reason = page.getByRole('dialog', { name: 'Why was it lost?' });
    await reason.getByRole('button', { name: 'Move to Lost' }).click();
    await expect(reason.getByText('Say why the lead was lost.')).toBeVisible();
    await expectNoAxeViolations(page, 'lost reason dialog');
    await reason.getByLabel('Reason').fill('Went with another company');
    await reason.getByRole('button', { name: 'Move to Lost' }).click();
    await expect(reason).toBeHidden();
    await expect(mine('Lost')).toBeVisible();
    await expect(mine('Contacted')).toHaveCount(0);
  });

  test('a lead that came by phone is added with “New lead”: contact search, value and follow-up date', async ({
    page,
  }) => {
    const service = `Hedge trimming ${Date.now().toString(36)}`;
    await signInByEmail(page, 'office@demo.test');
    await page.goto('/leads');
    await page.getByRole('button', { name: 'New lead' }).click();
    const dialog = page.getByRole('dialog', { name: 'New lead' });
    // Nothing chosen yet: each missing answer is named beside its field.
    await dialog.getByRole('button', { name: 'Add lead' }).click();
    await expect(dialog.getByText('Choose the contact this lead is for.')).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: 'Contact' })).toBeFocused();
    await expect(dialog.getByLabel('Requested service')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, 'new lead form with errors');

    // The contact is found on the server, accents and all.
    await dialog.getByRole('combobox', { name: 'Contact' }).fill('miguel');
    await page.getByRole('option', { name: /Miguel Ángel Torres/ }).click();
    await dialog.getByLabel('Requested service').fill(service);
    await dialog.getByLabel('Source').selectOption({ label: 'Phone' });
    await dialog.getByLabel('Estimated value (USD)').fill('450');
    await dialog.getByLabel('Next follow-up').fill('04/02/2030');
    await dialog.getByLabel('Next follow-up').press('Tab');
    await dialog.getByRole('button', { name: 'Add lead' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Lead for Miguel Ángel Torres added.', { exact: true })).toBeVisible();
    const added = column(page, 'New').getByRole('listitem').filter({ hasText: service });
    await expect(added).toContainText('$450.00');
    await expect(added).toContainText('Apr 2, 2030');
    await expect(page.getByRole('button', { name: 'New lead' })).toBeFocused();
  });

  test('an unknown business has no request form', async ({ page }) => {
    const response = await page.goto('/r/no-such-business');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
});
