import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import { renderEmail } from '@ontrack/emails/render';
import { type EmailTenant, resolveEmailLocale } from '@ontrack/emails/schemas';
import { sql } from 'drizzle-orm';
import { EMAIL_SENDER, type EmailSender, PermanentEmailError } from '../../integrations/email/email.port.js';
import type { InvitationEmailPayload, MagicLinkEmailPayload } from '../../jobs/auth-emails.job.js';
import type { AppConfig } from '../../platform/config/config.schema.js';
import { APP_CONFIG } from '../../platform/config/load-config.js';
import type { JobContext } from '../../platform/outbox/job-definition.js';
import { TokenSealer } from './auth-secrets.js';

/** Minutes a sign-in link is valid. */
export const MAGIC_LINK_MINUTES = 10;

/** A link without a business (staff signing in to all of theirs) is sent in OnTrack's own colours. */
const PLATFORM_SENDER: EmailTenant = { name: 'OnTrack', branding: {}, timeZone: 'UTC', currency: 'USD' };

type TenantRow = {
  name: string;
  branding: EmailTenant['branding'];
  time_zone: string;
  currency: string;
  locale: string;
};

export interface MagicLinkMail {
  email: string;
  locale: string | null;
  token: string;
  tenant?: TenantRow;
  idempotencyKey: string;
}

/**
 * The handlers of the authentication emails (jobs `auth.magic-link-email`, `auth.invitation-email`). They run
 * in the job's transaction (system context, the event's tenant), open the sealed token, and send through the
 * email port. Nothing is sent for a link or invitation that was used, revoked or has expired meanwhile.
 */
@Injectable()
export class AuthMail {
  private readonly logger = new Logger(AuthMail.name);

  constructor(
    @Inject(EMAIL_SENDER) private readonly email: EmailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sealer: TokenSealer,
  ) {}

  async sendMagicLink(context: JobContext, payload: MagicLinkEmailPayload): Promise<void> {
    const [link] = await context.tx.execute<{ email: string; locale: string | null; portal_tenant_id: string | null }>(
      sql`select u.email, u.locale, ml.portal_tenant_id from magic_links ml join users u on u.id = ml.user_id
          where ml.id = ${payload.magicLinkId} and ml.used_at is null and ml.expires_at > now()`,
    );
    if (!link) return;
    const tenant = link.portal_tenant_id ? await this.findTenant(context.tx, link.portal_tenant_id) : undefined;
    await this.deliverMagicLink({
      email: link.email,
      locale: link.locale,
      token: this.sealer.open(payload.sealedToken, payload.magicLinkId),
      tenant,
      idempotencyKey: `magic-link-${context.eventId}`,
    });
  }

  /** Renders and sends a sign-in link (also used directly for people who belong to no business yet). */
  async deliverMagicLink(mail: MagicLinkMail): Promise<void> {
    const url = `${this.config.APP_URL}/auth/magic?token=${encodeURIComponent(mail.token)}`;
    const rendered = await renderEmail('magic-link', {
      locale: resolveEmailLocale([mail.locale, mail.tenant?.locale]),
      tenant: mail.tenant ? toEmailTenant(mail.tenant) : PLATFORM_SENDER,
      data: { url, expiresInMinutes: MAGIC_LINK_MINUTES },
    });
    await this.sendOnce({ to: mail.email, ...rendered, idempotencyKey: mail.idempotencyKey });
  }

  async sendInvitation(context: JobContext, payload: InvitationEmailPayload): Promise<void> {
    const [invitation] = await context.tx.execute<{
      email: string;
      expires_at: string;
      role_name: string;
      inviter_name: string;
      invitee_locale: string | null;
    }>(sql`
      select i.email, to_json(i.expires_at) #>> '{}' as expires_at, r.name as role_name, inviter.name as inviter_name,
             (select u.locale from users u where u.email = i.email) as invitee_locale
      from invitations i
      join roles r on r.tenant_id = i.tenant_id and r.id = i.role_id
      join users inviter on inviter.id = i.invited_by_user_id
      where i.tenant_id = ${context.tenantId} and i.id = ${payload.invitationId}
        and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()`);
    if (!invitation) return;
    const tenant = await this.findTenant(context.tx, context.tenantId);
    if (!tenant) return;
    const token = this.sealer.open(payload.sealedToken, payload.invitationId);
    const rendered = await renderEmail('invitation', {
      locale: resolveEmailLocale([invitation.invitee_locale, tenant.locale]),
      tenant: toEmailTenant(tenant),
      data: {
        inviterName: invitation.inviter_name,
        roleName: invitation.role_name,
        acceptUrl: `${this.config.APP_URL}/auth/invitation?token=${encodeURIComponent(token)}`,
        expiresAt: new Date(invitation.expires_at).toISOString(),
      },
    });
    await this.sendOnce({ to: invitation.email, ...rendered, idempotencyKey: `invitation-${context.eventId}` });
  }

  private async findTenant(tx: Database, tenantId: string): Promise<TenantRow | undefined> {
    const [row] = await tx.execute<TenantRow>(
      sql`select name, branding, time_zone, currency, locale from tenants where id = ${tenantId}`,
    );
    return row;
  }

  /** A relay that refuses the address for good will refuse it on every retry too: give up quietly. */
  private async sendOnce(message: Parameters<EmailSender['send']>[0]): Promise<void> {
    try {
      await this.email.send(message);
    } catch (error) {
      if (!(error instanceof PermanentEmailError)) throw error;
      this.logger.warn(`authentication email refused by the relay (${error.responseCode ?? 'no code'}): not retried`);
    }
  }
}

function toEmailTenant(row: TenantRow): EmailTenant {
  return { name: row.name, branding: row.branding ?? {}, timeZone: row.time_zone, currency: row.currency.trim() };
}
