import { Inject, Injectable, Logger, Optional, UnauthorizedException } from '@nestjs/common';
import type { DatabaseHandle } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { applySessionContext } from '@ontrack/db/session-context';
import type { MagicLinkRequest } from '@ontrack/schemas/auth';
import { magicLinkEmail } from '../../jobs/auth-emails.job.js';
import { DATABASE } from '../../platform/db/database.module.js';
import { problem } from '../../platform/http/problem-details.js';
import { enqueueEvent } from '../../platform/outbox/outbox-store.js';
import { RateLimiter } from '../../platform/rate-limit/rate-limiter.js';
import { AuthMail, MAGIC_LINK_MINUTES, type MagicLinkMail } from './auth-mail.service.js';
import { hashToken, newOpaqueToken, sameSecret, TokenSealer } from './auth-secrets.js';
import { MagicLinkRepository } from './magic-link.repository.js';
import { type ClientInfo, type IssuedSession, SessionService } from './session.service.js';

const BINDING = /^[A-Za-z0-9_-]{43}$/;

export interface LinkSignIn {
  issued: IssuedSession;
  user: { id: string; email: string; name: string };
}

/**
 * Passwordless sign-in by email. Asking for a link always gets the same answer, whether or not the address
 * belongs to anyone (no account enumeration); the link (256 random bits, stored as a SHA-256 hash) works
 * once, for 10 minutes, and only in the browser that asked for it (the `__Host-ontrack_link` cookie, also
 * stored hashed). The email goes out from a job; the job's payload holds the token sealed, never in clear.
 */
@Injectable()
export class MagicLinkService {
  private readonly logger = new Logger(MagicLinkService.name);

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly links: MagicLinkRepository,
    private readonly sessions: SessionService,
    private readonly sealer: TokenSealer,
    private readonly mail: AuthMail,
    @Optional() private readonly limiter?: RateLimiter,
  ) {}

  /** Returns the browser-binding value to set as a cookie (the browser's current one when it has one). */
  async request(body: MagicLinkRequest, client: ClientInfo, currentBinding: string | undefined): Promise<string> {
    await this.limiter?.consume('magic-link:ip', client.ip ?? 'unknown');
    await this.limiter?.consume('magic-link:email', body.email);
    // Asking twice in one browser keeps the first link working too.
    const binding = currentBinding && BINDING.test(currentBinding) ? currentBinding : newOpaqueToken();
    const token = newOpaqueToken();
    const id = newId();
    const direct = await this.database.db.transaction(async (tx) => {
      await applySessionContext(tx, { system: 'auth' });
      const recipient = await this.links.findRecipient(tx, body.email, body.tenant);
      await this.links.insert(tx, {
        id,
        email: body.email,
        userId: recipient?.userId ?? null,
        portalTenantId: recipient?.portalTenantId ?? null,
        tokenHash: hashToken(token),
        browserHash: hashToken(binding),
        requestIp: client.ip ?? null,
        minutes: MAGIC_LINK_MINUTES,
      });
      if (!recipient) return undefined;
      if (recipient.tenantId) {
        await enqueueEvent(tx, recipient.tenantId, magicLinkEmail, {
          magicLinkId: id,
          sealedToken: this.sealer.seal(token, id),
        });
        return undefined;
      }
      // Someone in no business at all (a platform operator): the outbox is per business, so this one mail
      // is sent straight after the response instead.
      if (!recipient.isPlatformOperator) return undefined;
      const mail: MagicLinkMail = { email: recipient.email, locale: recipient.locale, token, idempotencyKey: id };
      return mail;
    });
    if (direct) {
      setImmediate(() => {
        this.mail.deliverMagicLink(direct).catch((error: unknown) => {
          this.logger.error({ err: error }, 'a sign-in link could not be sent');
        });
      });
    }
    return binding;
  }

  /** Redeems a link in the browser that asked for it: a new session. */
  async verify(token: string, binding: string | undefined, client: ClientInfo): Promise<LinkSignIn> {
    await this.limiter?.consume('sign-in:ip', client.ip ?? 'unknown');
    const outcome = await this.database.db.transaction(async (tx) => {
      await applySessionContext(tx, { system: 'auth' });
      const link = await this.links.findForUpdate(tx, hashToken(token));
      if (!link?.userId) return { refused: 'This sign-in link is not valid. Ask for a new one.' };
      if (link.usedAt) return { refused: 'This sign-in link was already used. Ask for a new one.' };
      if (link.expired)
        return { refused: 'This sign-in link has expired (links work for 10 minutes). Ask for a new one.' };
      // A mismatch leaves the link unused: whoever holds only the link cannot spend it for its owner.
      if (!binding || !sameSecret(hashToken(binding), link.browserHash)) {
        return {
          refused:
            'Open the link in the browser that asked for it: this sign-in link only works in the browser ' +
            '(and the session) where the email address was entered.',
        };
      }
      if (link.portalTenantId && !(await this.links.isActiveMember(tx, link.userId, link.portalTenantId))) {
        return { refused: 'This sign-in link is not valid any more. Ask for a new one.' };
      }
      await this.links.markUsed(tx, link.id);
      const issued = await this.sessions.startIn(
        tx,
        { userId: link.userId, method: 'magic_link', portalTenantId: link.portalTenantId ?? undefined },
        client,
      );
      const user = await this.links.findUser(tx, link.userId);
      if (!user) throw new Error('the user of a sign-in link disappeared');
      return { signedIn: { issued, user } };
    });
    if ('refused' in outcome) throw new UnauthorizedException(problem(401, { detail: outcome.refused }));
    return outcome.signedIn;
  }
}
