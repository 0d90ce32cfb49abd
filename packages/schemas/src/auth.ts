import { z } from 'zod';

const email = z
  .email('must be an email address')
  .max(254)
  .transform((value) => value.trim().toLowerCase());

/** Links carry 32 random bytes, base64url: 43 characters. Anything far off is not one of ours. */
const opaqueToken = z
  .string()
  .trim()
  .min(32, 'is not a token issued by this server')
  .max(128, 'is not a token issued by this server');

const instant = z.iso.datetime({ offset: true });

/**
 * `cookie` (the default, for the web app): the session travels in `__Host-` cookies and the response body
 * carries no refresh token. `bearer` (API clients without a cookie jar): no session cookies; the body carries
 * the refresh token, to be sent back to /auth/refresh.
 */
export const sessionModeSchema = z
  .enum(['cookie', 'bearer'])
  .default('cookie')
  .describe('`cookie` (web app, default) or `bearer` (API clients: the refresh token comes in the body).');

export const magicLinkRequestSchema = z.strictObject({
  email,
  tenant: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('A business (id or slug): a client-portal link, scoped to that business and branded with it.'),
});

export const magicLinkAcceptedSchema = z.object({
  detail: z.string().describe('Always the same, whether or not the address belongs to anyone.'),
});

export const magicLinkVerifySchema = z.strictObject({
  token: opaqueToken.describe('The `token` query parameter of the emailed link.'),
  mode: sessionModeSchema,
});

export const signedInUserSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string() });

export const sessionTokensSchema = z.object({
  accessToken: z.string().describe('JWT for `Authorization: Bearer` (≤ 15 minutes); also set as a cookie.'),
  accessTokenExpiresAt: instant,
  mfaPending: z
    .boolean()
    .describe('True while a second factor is owed: only the MFA verify/enrol routes accept this token.'),
  refreshToken: z.string().optional().describe('Only in `bearer` mode: single use, rotated on every refresh.'),
  refreshTokenExpiresAt: instant.optional().describe('Only in `bearer` mode: the session’s idle expiry.'),
});

export const signedInSchema = sessionTokensSchema.extend({ user: signedInUserSchema });

// A cookie client may post no body at all.
export const refreshRequestSchema = z
  .strictObject({
    refreshToken: opaqueToken
      .optional()
      .describe('API clients (bearer mode) send it here; the web app sends the refresh cookie instead.'),
  })
  .default({});

export const sessionViewSchema = z.object({
  id: z.uuid(),
  current: z.boolean().describe('The session making this request.'),
  userAgent: z.string().nullable(),
  ip: z.string().nullable().describe('The address of the last sign-in or refresh.'),
  authMethods: z.array(z.string()).describe('How the user proved who they are: magic_link, oidc:google, totp, …'),
  portalTenantId: z.uuid().nullable().describe('Set for a client-portal sign-in: the only business it may act in.'),
  createdAt: instant,
  lastSeenAt: instant.describe('The last refresh (about every 15 minutes while in use).'),
  idleExpiresAt: instant.describe(
    'When the session ends unless it is refreshed before then (each refresh moves it forward, never past `expiresAt`).',
  ),
  expiresAt: instant.describe('When the session ends whatever happens (the absolute limit): sign in again after it.'),
});

export const sessionListSchema = z.object({ items: z.array(sessionViewSchema).describe('Most recently seen first.') });

export const sessionIdParamsSchema = z.object({ id: z.uuid() });

export const signedOutOthersSchema = z.object({
  signedOut: z.number().int().min(0).describe('How many other sessions were signed out.'),
});

export const switchTenantSchema = z.strictObject({
  tenant: z.string().trim().min(1).max(100).describe('The business to work in: its id or slug.'),
});

export const tenantSwitchedSchema = z.object({
  tenantId: z.uuid(),
  accessToken: z.string(),
  accessTokenExpiresAt: instant,
});

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;

export const invitationCreateSchema = z.strictObject({
  email,
  roleId: z.uuid().describe('A role of this business.'),
  contactId: z.uuid().optional().describe('Required for a client role: the contact their portal shows.'),
});

export const invitationViewSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  roleId: z.uuid(),
  roleName: z.string(),
  contactId: z.uuid().nullable(),
  invitedByUserId: z.uuid(),
  status: z.enum(INVITATION_STATUSES),
  createdAt: instant,
  expiresAt: instant,
});

export const invitationListSchema = z.object({
  items: z.array(invitationViewSchema).describe('Pending invitations, newest first.'),
});

export const invitationIdParamsSchema = z.object({ id: z.uuid() });

export const invitationAcceptSchema = z.strictObject({
  token: opaqueToken.describe('The `token` query parameter of the emailed invitation link.'),
  mode: sessionModeSchema,
});

export const invitationAcceptedSchema = signedInSchema.extend({
  tenantId: z.uuid().describe('The business just joined (the access token works in it).'),
});

export type SessionMode = z.output<typeof sessionModeSchema>;
export type MagicLinkRequest = z.output<typeof magicLinkRequestSchema>;
export type MagicLinkAccepted = z.infer<typeof magicLinkAcceptedSchema>;
export type MagicLinkVerify = z.output<typeof magicLinkVerifySchema>;
export type SignedIn = z.infer<typeof signedInSchema>;
export type SessionTokens = z.infer<typeof sessionTokensSchema>;
export type RefreshRequest = z.output<typeof refreshRequestSchema>;
export type SessionView = z.infer<typeof sessionViewSchema>;
export type SessionList = z.infer<typeof sessionListSchema>;
export type SignedOutOthers = z.infer<typeof signedOutOthersSchema>;
export type SwitchTenant = z.output<typeof switchTenantSchema>;
export type TenantSwitched = z.infer<typeof tenantSwitchedSchema>;
export type InvitationCreate = z.output<typeof invitationCreateSchema>;
export type InvitationView = z.infer<typeof invitationViewSchema>;
export type InvitationList = z.infer<typeof invitationListSchema>;
export type InvitationAccept = z.output<typeof invitationAcceptSchema>;
export type InvitationAccepted = z.infer<typeof invitationAcceptedSchema>;
