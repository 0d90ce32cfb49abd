import { z } from 'zod';
import type { JobDefinition, JobKey } from '../platform/outbox/job-definition.js';

// The token travels sealed (AES-256-GCM, modules/auth/auth-secrets.ts): outbox rows are stored, and a
// plaintext sign-in token there would be a usable credential for anyone who can read the table.
const magicLinkPayload = z.object({ magicLinkId: z.uuid(), sealedToken: z.string().min(1).max(500) });
const invitationPayload = z.object({ invitationId: z.uuid(), sealedToken: z.string().min(1).max(500) });

export type MagicLinkEmailPayload = z.infer<typeof magicLinkPayload>;
export type InvitationEmailPayload = z.infer<typeof invitationPayload>;

/** Mails a sign-in link (enqueued by MagicLinkService next to the link's row). */
export const magicLinkEmail: JobKey<MagicLinkEmailPayload> = {
  name: 'auth.magic-link-email',
  version: 1,
  payload: magicLinkPayload,
  // The link is valid for 10 minutes: a few quick retries, then it is pointless.
  maxAttempts: 4,
};

/** Mails an invitation (enqueued by InvitationsService next to the invitation's row). */
export const invitationEmail: JobKey<InvitationEmailPayload> = {
  name: 'auth.invitation-email',
  version: 1,
  payload: invitationPayload,
  maxAttempts: 8,
};

/** The handlers (AuthMail in modules/auth), as JobDependencies hands them over. */
export interface AuthMailHandlers {
  sendMagicLink: JobDefinition<MagicLinkEmailPayload>['handle'];
  sendInvitation: JobDefinition<InvitationEmailPayload>['handle'];
}

export function authEmailJobs(handlers: AuthMailHandlers): JobDefinition<never>[] {
  const magicLink: JobDefinition<MagicLinkEmailPayload> = {
    ...magicLinkEmail,
    handle: (context, payload) => handlers.sendMagicLink(context, payload),
  };
  const invitation: JobDefinition<InvitationEmailPayload> = {
    ...invitationEmail,
    handle: (context, payload) => handlers.sendInvitation(context, payload),
  };
  return [magicLink as JobDefinition<never>, invitation as JobDefinition<never>];
}
