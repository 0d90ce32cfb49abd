import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { seenEmailIds, signInByEmail, signInEnrollingAuthenticator, waitForEmail } from './mail-sign-in';

/** Invites `email` with `role` through the dialog; returns after the success toast. */
async function inviteThroughDialog(page: Page, email: string, role: string): Promise<void> {
  await page.getByRole('button', { name: 'Invite someone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite someone' });
  await dialog.getByLabel('Email address').fill(email);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: role, exact: true }).click();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toBeHidden();
  await expect(toastWith(page, `Invitation sent to ${email}.`)).toBeVisible();
}

/**
 * Accepts the invitation emailed to `email` as the invited person does: the link from the email, in a browser
 * of their own, then the button on the invitation page (the link alone spends nothing).
 */
async function acceptInvitation(browser: Browser, baseURL: string | undefined, email: string, before: Set<string>) {
  const link = new URL(await waitForEmail(email, before, /https?:\/\/\S+\/auth\/invitation\?token=[\w%-]+/));
  const context = await browser.newContext({ baseURL });
  try {
    const invitee = await context.newPage();
    await invitee.goto(link.pathname + link.search);
    await expect(invitee.getByRole('heading', { level: 1, name: 'Join your team on OnTrack' })).toBeVisible();
    await expectNoAxeViolations(invitee, 'invitation page');
    await invitee.getByRole('button', { name: 'Accept the invitation' }).click();
    await expect(invitee).toHaveURL(/\/app$/);
    // The link is spent: opening it again says so.
    await invitee.goto(link.pathname + link.search);
    await invitee.getByRole('button', { name: 'Accept the invitation' }).click();
    await expect(invitee.getByRole('main').getByRole('alert')).toContainText('This invitation cannot be used');
  } finally {
    await context.close();
  }
}

/** A success toast (Radix puts toasts in a "Notifications" region; the live announcement is separate). */
function toastWith(page: Page, text: string): Locator {
  return page.getByRole('region', { name: /^Notifications/ }).getByText(text);
}

function memberRow(page: Page, email: string): Locator {
  return page.getByRole('table', { name: 'People of the business' }).getByRole('row').filter({ hasText: email });
}

function pendingInvitations(page: Page): Locator {
  return page.getByRole('list', { name: 'Pending invitations' });
}

test.describe('team and roles settings', () => {
  test('an admin invites and revokes, writes custom roles and changes a member’s roles', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const invitee = `invitee-${stamp}@demo.test`;
    const memberEmail = `member-${stamp}@demo.test`;
    const memberName = `member-${stamp}`;
    const roleName = `QA Lead ${stamp}`;

    await signInEnrollingAuthenticator(page, 'owner@demo.test');

    await test.step('the team, with the admin’s own row marked', async () => {
      await page.goto('/settings/team');
      await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
      await expect(memberRow(page, 'owner@demo.test')).toContainText('You');
      await expect(memberRow(page, 'owner@demo.test')).toContainText('Admin');
      await expect(memberRow(page, 'office@demo.test')).toContainText('Office Staff');
      await expectNoAxeViolations(page, 'team (admin)');

      // Search filters on the client; an empty result says so.
      const search = page.getByRole('searchbox', { name: 'Search people' });
      await search.fill('olivia');
      await expect(page.getByRole('table', { name: 'People of the business' }).getByRole('row')).toHaveCount(2);
      await search.fill('nobody-matches-this');
      await expect(page.getByRole('heading', { level: 3, name: /No one matches/ })).toBeVisible();
      await page.getByRole('button', { name: 'Clear the search' }).click();
      await expect(memberRow(page, 'crew@demo.test')).toBeVisible();

      // Sorting by email, then the other way round.
      const emailHeader = page.getByRole('columnheader', { name: 'Email' });
      await emailHeader.getByRole('button').click();
      await expect(emailHeader).toHaveAttribute('aria-sort', 'ascending');
      await emailHeader.getByRole('button').click();
      await expect(emailHeader).toHaveAttribute('aria-sort', 'descending');
    });

    await test.step('invites someone as Office Staff, then revokes the invitation', async () => {
      await page.getByRole('button', { name: 'Invite someone' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite someone' });
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page, 'invite dialog');
      // Mistakes are shown next to their field.
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await expect(dialog.getByLabel('Email address')).toBeFocused();
      await expect(dialog.getByLabel('Email address')).toHaveAccessibleDescription(/Enter the email address/);
      await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveAccessibleDescription(/Choose the role/);
      await expectNoAxeViolations(page, 'invite dialog with field errors');
      // A client role needs the contact their portal shows; the API's field error is shown next to it.
      await dialog.getByLabel('Email address').fill(invitee);
      await dialog.getByRole('combobox', { name: 'Role' }).click();
      await page.getByRole('option', { name: 'Client', exact: true }).click();
      const contact = dialog.getByRole('textbox', { name: 'Contact ID' });
      await expect(contact).toHaveAccessibleDescription(/paste the contact’s ID/);
      await contact.fill('not-a-contact-id');
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await expect(dialog.getByRole('alert')).toBeVisible();
      await expect(contact).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page, 'invite dialog with a refused contact');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();

      await inviteThroughDialog(page, invitee, 'Office Staff');
      const pending = pendingInvitations(page).getByRole('listitem').filter({ hasText: invitee });
      await expect(pending).toContainText('Office Staff');
      await expect(pending).toContainText('expires');

      await pending.getByRole('button', { name: `Revoke the invitation for ${invitee}` }).click();
      const confirm = page.getByRole('dialog', { name: `Revoke the invitation for ${invitee}?` });
      await expect(confirm).toBeVisible();
      await expectNoAxeViolations(page, 'revoke invitation dialog');
      await confirm.getByRole('button', { name: 'Revoke invitation' }).click();
      await expect(confirm).toBeHidden();
      await expect(toastWith(page, `The invitation for ${invitee} is revoked.`)).toBeVisible();
      await expect(pendingInvitations(page).getByText(invitee)).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 2, name: 'Pending invitations' })).toBeFocused();
    });

    await test.step('a person of its own for the test joins as Crew', async () => {
      const before = await seenEmailIds();
      await inviteThroughDialog(page, memberEmail, 'Crew');
      await acceptInvitation(browser, baseURL, memberEmail, before);
      await page.reload();
      await expect(memberRow(page, memberEmail)).toContainText('Crew');
      await expect(memberRow(page, memberEmail)).toContainText('Active');
    });

    await test.step('creates a custom role with two permissions', async () => {
      await page.getByRole('link', { name: 'Roles and permissions' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Roles and permissions' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 3, name: /Office Staff/ })).toBeVisible();
      await expectNoAxeViolations(page, 'roles (admin)');

      // A default role is read-only: its permissions, grouped by area.
      await page.getByRole('button', { name: 'View the permissions of Crew' }).click();
      const crew = page.getByRole('dialog', { name: 'Crew' });
      await expect(crew.getByRole('heading', { level: 4, name: 'Estimates, jobs and scheduling' })).toBeVisible();
      await expect(crew).toContainText('Clock in and out, record time');
      await expect(crew.getByRole('checkbox')).toHaveCount(0);
      await expectNoAxeViolations(page, 'default role dialog');
      await crew.getByRole('button', { name: 'Close' }).first().click();
      await expect(crew).toBeHidden();

      await page.getByRole('button', { name: 'Create a role' }).click();
      const editor = page.getByRole('dialog', { name: 'Create a role' });
      await expect(editor.getByRole('checkbox', { name: /See jobs/ })).toBeVisible();
      await editor.getByRole('button', { name: 'Create role' }).click();
      await expect(editor.getByRole('textbox', { name: 'Name', exact: true })).toHaveAccessibleDescription(
        /Enter a name of 2 to 60 characters/,
      );
      await expect(editor.getByText('Choose at least one permission.')).toBeVisible();
      await expectNoAxeViolations(page, 'role editor with field errors');

      await editor.getByRole('textbox', { name: 'Name', exact: true }).fill(roleName);
      await editor.getByLabel('Description (optional)').fill('Checks the work of the crews.');
      await editor.getByRole('checkbox', { name: /^See jobs/ }).check();
      await editor.getByRole('checkbox', { name: /^See the schedule/ }).check();
      await expect(editor.getByText('2 chosen.')).toBeVisible();
      await editor.getByRole('button', { name: 'Create role' }).click();
      await expect(editor).toBeHidden();
      await expect(toastWith(page, `The role ${roleName} is created.`)).toBeVisible();
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: roleName }) });
      await expect(card).toContainText('Custom');
      await expect(card).toContainText('No people · 2 permissions · The whole business');

      // Editing it: one more permission.
      await card.getByRole('button', { name: `Edit ${roleName}` }).click();
      const edit = page.getByRole('dialog', { name: `Edit ${roleName}` });
      await expect(edit.getByRole('checkbox', { name: /^See jobs/ })).toBeChecked();
      await edit.getByRole('checkbox', { name: /^See tasks/ }).check();
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await expect(edit).toBeHidden();
      await expect(toastWith(page, `The role ${roleName} is saved.`)).toBeVisible();
      await expect(card).toContainText('3 permissions');
      await expect(card.getByRole('button', { name: `Edit ${roleName}` })).toBeFocused();
    });

    await test.step('changes the member’s roles, and suspends and reactivates them', async () => {
      await page.getByRole('link', { name: 'Back to the team' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
      const row = memberRow(page, memberEmail);
      await row.getByRole('button', { name: `Change roles of ${memberName}` }).click();
      const dialog = page.getByRole('dialog', { name: `Roles of ${memberName}` });
      await expect(dialog.getByRole('checkbox', { name: /^Crew/ })).toBeChecked();
      await expectNoAxeViolations(page, 'member roles dialog');
      await dialog.getByRole('checkbox', { name: new RegExp(`^${roleName}`) }).check();
      await dialog.getByRole('button', { name: 'Save roles' }).click();
      await expect(dialog).toBeHidden();
      await expect(toastWith(page, `The roles of ${memberName} are saved.`)).toBeVisible();
      await expect(row.getByRole('list', { name: `Roles of ${memberName}` })).toContainText(roleName);
      await expect(row.getByRole('button', { name: `Change roles of ${memberName}` })).toBeFocused();

      await row.getByRole('button', { name: `Suspend ${memberName}` }).click();
      const suspend = page.getByRole('dialog', { name: `Suspend ${memberName}?` });
      await expectNoAxeViolations(page, 'suspend dialog');
      await suspend.getByRole('button', { name: 'Suspend' }).click();
      await expect(suspend).toBeHidden();
      await expect(row).toContainText('Suspended');
      await row.getByRole('button', { name: `Reactivate ${memberName}` }).click();
      await page
        .getByRole('dialog', { name: `Reactivate ${memberName}?` })
        .getByRole('button', { name: 'Reactivate' })
        .click();
      await expect(row).toContainText('Active');
    });

    await test.step('the API’s refusals are shown with their detail', async () => {
      // Nobody takes away their own administration.
      const own = memberRow(page, 'owner@demo.test');
      await own.getByRole('button', { name: /^Change roles of/ }).click();
      const dialog = page.getByRole('dialog', { name: /^Roles of Morgan Owner/ });
      await expect(dialog).toContainText('you cannot take away your own administrator role');
      await dialog.getByRole('checkbox', { name: /^Crew/ }).check();
      await dialog.getByRole('checkbox', { name: /^Admin/ }).uncheck();
      await dialog.getByRole('button', { name: 'Save roles' }).click();
      await expect(dialog.getByRole('alert')).toContainText('You cannot remove your own administrator role.');
      await expectNoAxeViolations(page, 'member roles dialog with a refusal');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(own).toContainText('Admin');
      await expect(own).not.toContainText('Crew');

      // A role someone holds cannot be deleted.
      await page.getByRole('link', { name: 'Roles and permissions' }).click();
      await page.getByRole('button', { name: `Delete ${roleName}` }).click();
      const confirm = page.getByRole('dialog', { name: `Delete the role ${roleName}?` });
      await expect(confirm).toContainText('1 person holds');
      await confirm.getByRole('button', { name: 'Delete role' }).click();
      await expect(confirm.getByRole('alert')).toContainText('1 person still holds it');
      await expectNoAxeViolations(page, 'delete role dialog with a refusal');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await expect(confirm).toBeHidden();
    });

    await test.step('deletes the custom role once nobody holds it', async () => {
      await page.getByRole('link', { name: 'Back to the team' }).click();
      const row = memberRow(page, memberEmail);
      await row.getByRole('button', { name: `Change roles of ${memberName}` }).click();
      const dialog = page.getByRole('dialog', { name: `Roles of ${memberName}` });
      await dialog.getByRole('checkbox', { name: new RegExp(`^${roleName}`) }).uncheck();
      await dialog.getByRole('button', { name: 'Save roles' }).click();
      await expect(dialog).toBeHidden();
      await expect(row).not.toContainText(roleName);

      await page.getByRole('link', { name: 'Roles and permissions' }).click();
      await page.getByRole('button', { name: `Delete ${roleName}` }).click();
      const confirm = page.getByRole('dialog', { name: `Delete the role ${roleName}?` });
      await expect(confirm).toContainText(`Nobody holds ${roleName}`);
      await expectNoAxeViolations(page, 'delete role dialog');
      await confirm.getByRole('button', { name: 'Delete role' }).click();
      await expect(confirm).toBeHidden();
      await expect(toastWith(page, `The role ${roleName} is deleted.`)).toBeVisible();
      await expect(page.getByRole('heading', { name: roleName })).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 2, name: 'Custom roles' })).toBeFocused();
    });

    await test.step('on a 360 px phone the people are cards with large targets', async () => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto('/settings/team');
      const cards = page.getByRole('list', { name: 'People of the business' });
      await expect(cards).toBeVisible();
      await expect(page.getByRole('table', { name: 'People of the business' })).toBeHidden();
      const card = cards.getByRole('listitem').filter({ hasText: memberEmail });
      for (const button of await card.getByRole('button').all()) {
        const box = await button.boundingBox();
        expect(box?.height, `${await button.textContent()} is at least 44 px tall`).toBeGreaterThanOrEqual(44);
        expect(box?.width).toBeGreaterThanOrEqual(44);
      }
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, 'nothing scrolls sideways at 360 px').toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'team at 360 px');
      await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Email, Z to A' });
      const emails = await cards.locator(':scope > li > p').allTextContents();
      const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
      expect(emails.length).toBeGreaterThan(5);
      expect(emails).toEqual([...emails].sort((a, b) => collator.compare(b, a)));

      await card.getByRole('button', { name: `Change roles of ${memberName}` }).click();
      const dialog = page.getByRole('dialog', { name: `Roles of ${memberName}` });
      await expectNoAxeViolations(page, 'member roles dialog at 360 px');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(card.getByRole('button', { name: `Change roles of ${memberName}` })).toBeFocused();

      await page.goto('/settings/roles');
      await page.getByRole('button', { name: 'Create a role' }).click();
      await expect(page.getByRole('dialog', { name: 'Create a role' }).getByRole('checkbox').first()).toBeVisible();
      await expectNoAxeViolations(page, 'role editor at 360 px');
    });
  });

  test('office staff see the team and the roles without changing them', async ({ page }) => {
    await signInByEmail(page, 'office@demo.test');
    await expect(page).toHaveURL(/\/app$/);
    await page.goto('/settings/team');
    await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
    await expect(page.getByText('Your role lets you see the team and invite people.')).toBeVisible();
    await expect(memberRow(page, 'office@demo.test')).toContainText('You');
    await expect(page.getByRole('button', { name: /^Change roles/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Suspend/ })).toHaveCount(0);
    await expect(page.getByRole('columnheader', { name: 'Actions' })).toHaveCount(0);
    // Office Staff may invite, but only with roles whose permissions they hold: never Admin.
    await page.getByRole('button', { name: 'Invite someone' }).click();
    await page.getByRole('dialog', { name: 'Invite someone' }).getByRole('combobox', { name: 'Role' }).click();
    await expect(page.getByRole('option', { name: 'Crew', exact: true })).toBeVisible();
    await expect(page.getByRole('option', { name: 'Admin', exact: true })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expectNoAxeViolations(page, 'team (office staff)');

    await page.getByRole('link', { name: 'Roles and permissions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Roles and permissions' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create a role' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Edit|^Delete/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'View the permissions of Admin' }).click();
    const admin = page.getByRole('dialog', { name: 'Admin' });
    await expect(admin).toContainText('Create, change and delete custom roles');
    await expectNoAxeViolations(page, 'role dialog (office staff)');
  });

  test('crew are refused the team and roles pages, in their language', async ({ page }) => {
    // Carlos Crew's account is in Spanish (seed).
    await signInByEmail(page, 'crew@demo.test');
    await expect(page).toHaveURL(/\/app$/);
    for (const [path, title] of [
      ['/settings/team', 'Equipo'],
      ['/settings/roles', 'Roles y permisos'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByRole('main').getByRole('alert')).toContainText('No tienes acceso a esta página');
      await expect(page.getByRole('table')).toHaveCount(0);
      await expectNoAxeViolations(page, `${path} refused (crew)`);
    }
  });
});
