import { createDatabase } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { applySessionContext } from '@ontrack/db/session-context';
import type { InvitationAccepted, InvitationList, InvitationView } from '@ontrack/schemas/auth';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type SmtpCapture, startSmtpCapture } from '../support/smtp-capture.js';
import { mailTo, TestBrowser, tokenFromMail } from './auth-helpers.js';
import { createTestTenant, type TestTenant } from './rbac-helpers.js';
import { callApi, type RunningApi, startApi } from './start-api.js';

const APP_URL = 'http://app.ontrack.test';
const ACCEPT = `${APP_URL}/auth/invitation?token=`;

describe('invitations: invite by email, accept, membership with the role', () => {
  let api: RunningApi;
  let smtp: SmtpCapture;
  let business: TestTenant<'admin' | 'office' | 'crew'>;
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    api = await startApi({
      APP_URL,
      SMTP_URL: smtp.url,
      RUN_WORKERS: 'true',
      // Test files share the database: this API handles only the invitation emails.
      OUTBOX_JOBS: 'auth.invitation-email',
      OUTBOX_POLL_MS: '25',
      RATE_LIMITS: JSON.stringify({ 'sign-in:ip': { points: 1000 } }),
    });
    business = await createTestTenant(inject('ownerDatabaseUrl'), {
      admin: { roles: ['admin'] },
      office: { roles: ['office_staff'] },
      crew: { roles: ['crew'] },
    });
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
    await owner.end();
  });

  const invite = (body: Record<string, unknown>, user = business.users.admin) =>
    callApi<InvitationView & { detail?: string }>(api, '/invitations', {
      method: 'POST',
      user,
      tenant: business.id,
      body,
    });

  async function inviteAndReadToken(email: string, roleId: string, contactId?: string): Promise<string> {
    const since = smtp.messages.length;
    const created = await invite({ email, roleId, contactId });
    expect(created.status).toBe(201);
    const mail = await mailTo(smtp, email, since);
    return tokenFromMail(mail.text, ACCEPT);
  }

  const accept = (browser: TestBrowser, token: string) =>
    browser.call<InvitationAccepted>('/auth/invitations/accept', { method: 'POST', body: { token } });

  const activity = (entityId: string) => owner<{ action: string; actor_label: string }[]>`
    select action, actor_label from activity_log
    where tenant_id = ${business.id} and entity_type = 'invitation' and entity_id = ${entityId} order by seq`;

  it('invites, mails the link, and accepting creates the user, the membership and the role', async () => {
    const email = `new-crew-${newId()}@invite.test`;
    const since = smtp.messages.length;
    const created = await invite({ email: email.toUpperCase(), roleId: business.roleId('crew') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, roleId: business.roleId('crew'), roleName: 'Crew', status: 'pending' });
    const days = (Date.parse(created.body.expiresAt) - Date.parse(created.body.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(7, 1);

    const mail = await mailTo(smtp, email, since);
    expect(mail.text).toContain('Crew');
    const token = tokenFromMail(mail.text, ACCEPT);
    const [stored] = await owner<
      { token_hash: string }[]
    >`select token_hash from invitations where id = ${created.body.id}`;
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const payloads =
      await owner`select payload from outbox where job = 'auth.invitation-email' and tenant_id = ${business.id}`;
    expect(JSON.stringify(payloads)).not.toContain(token);

    const listed = await callApi<InvitationList>(api, '/invitations', {
      user: business.users.admin,
      tenant: business.id,
    });
    expect(listed.body.items.map((item) => item.id)).toContain(created.body.id);

    const browser = new TestBrowser(api);
    const accepted = await accept(browser, token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ tenantId: business.id, mfaPending: false, user: { email } });
    expect(browser.cookies.has('__Host-ontrack_access')).toBe(true);
    const tenant = await browser.call<{ id: string }>('/tenant');
    expect(tenant.status).toBe(200);
    expect(tenant.body.id).toBe(business.id);

    const [member] = await owner<{ status: string; role_id: string }[]>`
      select m.status::text, ur.role_id from memberships m
      join user_roles ur on ur.tenant_id = m.tenant_id and ur.user_id = m.user_id
      where m.tenant_id = ${business.id} and m.user_id = ${accepted.body.user.id}`;
    expect(member).toEqual({ status: 'active', role_id: business.roleId('crew') });
    expect((await activity(created.body.id)).map((entry) => entry.action)).toEqual(['invite', 'accept']);
    const after = await callApi<InvitationList>(api, '/invitations', {
      user: business.users.admin,
      tenant: business.id,
    });
    expect(after.body.items.map((item) => item.id)).not.toContain(created.body.id);

    // Used once: the same link again is refused.
    const again = await accept(new TestBrowser(api), token);
    expect(again.status).toBe(410);
    expect(again.body.detail).toMatch(/already accepted/);
  });

  it('refuses expired, withdrawn and unknown invitations', async () => {
    const expiring = `late-${newId()}@invite.test`;
    const lateToken = await inviteAndReadToken(expiring, business.roleId('office_staff'));
    await owner`update invitations set expires_at = now() - interval '1 second' where email = ${expiring}`;
    const expired = await accept(new TestBrowser(api), lateToken);
    expect(expired.status).toBe(410);
    expect(expired.body.detail).toMatch(/expired/);

    const withdrawn = `withdrawn-${newId()}@invite.test`;
    const token = await inviteAndReadToken(withdrawn, business.roleId('crew'));
    const [row] = await owner<{ id: string }[]>`select id from invitations where email = ${withdrawn}`;
    const revoked = await callApi(api, `/invitations/${row?.id}`, {
      method: 'DELETE',
      user: business.users.admin,
      tenant: business.id,
    });
    expect(revoked.status).toBe(204);
    expect((await activity(row?.id ?? '')).map((entry) => entry.action)).toEqual(['invite', 'revoke']);
    const refused = await accept(new TestBrowser(api), token);
    expect(refused.status).toBe(410);
    expect(refused.body.detail).toMatch(/withdrawn/);

    expect((await accept(new TestBrowser(api), 'x'.repeat(43))).status).toBe(400);
  });

  it('checks who may invite, to what, and whom', async () => {
    const email = `someone-${newId()}@invite.test`;
    expect((await invite({ email, roleId: business.roleId('crew') }, business.users.crew)).status).toBe(403);
    // Office staff may invite, but not hand out administration they do not hold.
    const escalate = await invite({ email, roleId: business.roleId('admin') }, business.users.office);
    expect(escalate.status).toBe(403);
    expect(escalate.body.detail).toMatch(/do not hold/);
    expect((await invite({ email, roleId: business.roleId('crew') }, business.users.office)).status).toBe(201);

    const [crewEmail] = await owner<{ email: string }[]>`select email from users where id = ${business.users.crew}`;
    const member = await invite({ email: crewEmail?.email, roleId: business.roleId('office_staff') });
    expect(member.status).toBe(409);

    const foreignRole = await invite({ email, roleId: newId() });
    expect(foreignRole.status).toBe(422);
    const clientWithout = await invite({ email, roleId: business.roleId('client') });
    expect(clientWithout.status).toBe(422);
    expect(clientWithout.body.detail).toMatch(/contactId/);
  });

  it('a client accepts into the portal of that business only, linked to their contact', async () => {
    const contactId = newId();
    const { db, close } = createDatabase(inject('ownerDatabaseUrl'), { max: 1 });
    await db.transaction(async (tx) => {
      await applySessionContext(tx, { tenantId: business.id, system: 'test' });
      await tx.execute(
        sql`insert into contacts (tenant_id, id, display_name) values (${business.id}, ${contactId}, 'Dana')`,
      );
    });
    await close();
    const email = `client-${newId()}@invite.test`;
    const token = await inviteAndReadToken(email, business.roleId('client'), contactId);
    const browser = new TestBrowser(api);
    const accepted = await accept(browser, token);
    expect(accepted.status).toBe(200);
    const [member] = await owner<{ contact_id: string }[]>`
      select contact_id from memberships where tenant_id = ${business.id} and user_id = ${accepted.body.user.id}`;
    expect(member?.contact_id).toBe(contactId);
    const sessions = await browser.call<{ items: { current: boolean; portalTenantId: string | null }[] }>(
      '/auth/sessions',
    );
    expect(sessions.body.items.find((item) => item.current)?.portalTenantId).toBe(business.id);
    expect((await browser.call('/tenant', { headers: { 'x-tenant-id': 'demo' } })).status).toBe(403);
  });
});
