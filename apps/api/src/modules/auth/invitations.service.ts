import {
  BadRequestException,
  GoneException,
  Inject,
  Injectable,
  NotFoundException,
  Optional,
  UnprocessableEntityException,
} from '@nestjs/common';
import { appendActivity } from '@ontrack/db/activity-chain';
import type { DatabaseHandle } from '@ontrack/db/client';
import { applySessionContext } from '@ontrack/db/session-context';
import type { InvitationCreate, InvitationList, InvitationView } from '@ontrack/schemas/auth';
import { invitationEmail } from '../../jobs/auth-emails.job.js';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { DATABASE } from '../../platform/db/database.module.js';
import { problem } from '../../platform/http/problem-details.js';
import { OutboxService } from '../../platform/outbox/outbox.service.js';
import { RateLimiter } from '../../platform/rate-limit/rate-limiter.js';
import { requestContext } from '../../platform/request-context/request-context.js';
import { assertCanGrant, conflict, currentAccess } from '../rbac/rbac.rules.js';
import { hashToken, newOpaqueToken, TokenSealer } from './auth-secrets.js';
import { type InvitationRow, InvitationsRepository } from './invitations.repository.js';
import { type ClientInfo, type IssuedSession, SessionService } from './session.service.js';

const ENTITY = 'invitation';
/** Days an invitation link is valid. */
export const INVITATION_DAYS = 7;

export interface InvitationSignIn {
  issued: IssuedSession;
  tenantId: string;
  user: { id: string; email: string; name: string };
}

/**
 * An Admin (`users:invite`) invites staff, crew, property managers and clients by email with one of the
 * business's roles — never a role carrying permissions they do not hold themselves. The emailed link works
 * once, for 7 days; accepting it creates the user if needed, the active membership with the role (and, for
 * a client, the contact their portal shows) and signs them in. Invite, revoke and accept are in the log.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly invitations: InvitationsRepository,
    private readonly sessions: SessionService,
    private readonly sealer: TokenSealer,
    private readonly outbox: OutboxService,
    private readonly activity: ActivityRecorder,
    @Optional() private readonly limiter?: RateLimiter,
  ) {}

  async invite(body: InvitationCreate): Promise<InvitationView> {
    const { tenantId, userId } = currentAccess();
    const role = await this.invitations.findRole(body.roleId);
    if (!role) throw invalid('roleId', 'is not a role of this business');
    assertCanGrant(role.permissions);
    const client = role.scope === 'own_contact';
    if (client && !body.contactId)
      throw invalid('contactId', 'is required for a client role (the contact their portal shows)');
    if (!client && body.contactId) throw invalid('contactId', 'is only for client roles');
    if (body.contactId && !(await this.invitations.contactExists(body.contactId))) {
      throw invalid('contactId', 'is not a contact of this business');
    }
    if (await this.invitations.isActiveMember(body.email)) {
      throw conflict('This person is already an active member of the business: change their roles instead.');
    }
    const replaced = await this.invitations.revokePendingFor(tenantId, body.email);
    const token = newOpaqueToken();
    const invitation = await this.invitations.insert({
      tenantId,
      email: body.email,
      roleId: role.id,
      contactId: body.contactId ?? null,
      invitedByUserId: userId,
      tokenHash: hashToken(token),
      days: INVITATION_DAYS,
    });
    await this.outbox.enqueue(invitationEmail, {
      invitationId: invitation.id,
      sealedToken: this.sealer.seal(token, invitation.id),
    });
    this.activity.record({
      entityType: ENTITY,
      entityId: invitation.id,
      action: 'invite',
      summary: { email: body.email, roleId: role.id, role: role.name, contactId: body.contactId ?? null, replaced },
    });
    return toView(invitation);
  }

  async listPending(): Promise<InvitationList> {
    return { items: (await this.invitations.listPending()).map(toView) };
  }

  async revoke(id: string): Promise<void> {
    const revoked = await this.invitations.revoke(id);
    if (!revoked) throw new NotFoundException(problem(404, { detail: 'There is no pending invitation with this id.' }));
    this.activity.record({ entityType: ENTITY, entityId: id, action: 'revoke', summary: { email: revoked.email } });
  }

  /** Accepting by the emailed token: membership with the role, then a new session in that business. */
  async accept(token: string, client: ClientInfo): Promise<InvitationSignIn> {
    await this.limiter?.consume('sign-in:ip', client.ip ?? 'unknown');
    const { requestId } = requestContext();
    return this.database.db.transaction(async (tx) => {
      await applySessionContext(tx, { system: 'auth' });
      const invitation = await this.invitations.findByTokenForUpdate(tx, hashToken(token));
      if (!invitation) {
        throw new BadRequestException(problem(400, { detail: 'This invitation link is not valid.' }));
      }
      if (invitation.acceptedAt) throw gone('This invitation was already accepted: sign in instead.');
      if (invitation.revokedAt) throw gone('This invitation was withdrawn. Ask the business for a new one.');
      if (invitation.expired) throw gone('This invitation has expired (they are valid for 7 days). Ask for a new one.');

      const { tenantId } = invitation;
      // Tenant rows (membership, roles, log) are written in the invitation's business.
      await applySessionContext(tx, { system: 'auth', tenantId });
      const user = await this.invitations.findOrCreateUser(tx, invitation.email);
      const scope = await this.invitations.roleScope(tx, invitation.roleId);
      await this.invitations.grantMembership(tx, {
        tenantId,
        userId: user.id,
        roleId: invitation.roleId,
        contactId: invitation.contactId,
      });
      await this.invitations.markAccepted(tx, tenantId, invitation.id, user.id);
      await appendActivity(tx, [
        {
          tenantId,
          actorType: 'user',
          actorUserId: user.id,
          actorLabel: user.email,
          entityType: ENTITY,
          entityId: invitation.id,
          action: 'accept',
          summary: { roleId: invitation.roleId },
          requestId,
          ip: client.ip ?? null,
          userAgent: client.userAgent ?? null,
        },
      ]);
      await applySessionContext(tx, { system: 'auth' });
      const issued = await this.sessions.startIn(
        tx,
        {
          userId: user.id,
          method: 'invitation',
          activeTenantId: tenantId,
          // A client lands in the business's portal, and only there.
          portalTenantId: scope === 'own_contact' ? tenantId : undefined,
        },
        client,
      );
      return { issued, tenantId, user };
    });
  }
}

function toView(row: InvitationRow): InvitationView {
  const status = row.acceptedAt
    ? 'accepted'
    : row.revokedAt
      ? 'revoked'
      : row.expiresAt.getTime() <= Date.now()
        ? 'expired'
        : 'pending';
  return {
    id: row.id,
    email: row.email,
    roleId: row.roleId,
    roleName: row.roleName,
    contactId: row.contactId,
    invitedByUserId: row.invitedByUserId,
    status,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

function invalid(field: string, detail: string): UnprocessableEntityException {
  return new UnprocessableEntityException(
    problem(422, {
      detail: `${field} ${detail}.`,
      errors: [{ in: 'body', pointer: `#/${field}`, field, detail, code: 'custom' }],
    }),
  );
}

function gone(detail: string): GoneException {
  return new GoneException(problem(410, { detail }));
}
