import { type SQL, sql } from 'drizzle-orm';
import {
  bigint,
  foreignKey,
  index,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';
import { roles } from './rbac.js';
import { currentUserId, inSystemContext, tenantTable } from './rls.js';
import { tenants } from './tenants.js';
import { users } from './users.js';

/**
 * Authentication state belongs to a user, not to a tenant (one sign-in reaches every membership). These
 * tables are readable and writable by their own user (app.user_id) and, for the sign-in flows that run before
 * anyone is signed in (a magic link, an OIDC callback, a refresh), in a named system context (`system:auth`).
 * Secrets are never stored: tokens and codes as SHA-256 hashes, the TOTP secret encrypted.
 */
function ownOrSystem(userId: SQL | { getSQL(): SQL }) {
  const rule = sql`${userId} = ${currentUserId} or ${inSystemContext}`;
  return (table: string) => [
    pgPolicy(`${table}_own_select`, { for: 'select', using: rule }),
    pgPolicy(`${table}_own_insert`, { for: 'insert', withCheck: rule }),
    pgPolicy(`${table}_own_update`, { for: 'update', using: rule, withCheck: rule }),
    pgPolicy(`${table}_own_delete`, { for: 'delete', using: rule }),
  ];
}

const at = (name?: string) =>
  name ? timestamp(name, { withTimezone: true, precision: 3 }) : timestamp({ withTimezone: true, precision: 3 });

/**
 * A signed-in device: what the device list shows and "sign out" revokes. Its refresh tokens rotate on every
 * use; presenting one that was already used revokes the whole session (token family reuse detection).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The tenant the session works in (the access token's `tid`); switched with the tenant switcher. */
    activeTenantId: uuid().references(() => tenants.id, { onDelete: 'set null' }),
    /** Set for a client-portal sign-in: the session may act in this tenant only. */
    portalTenantId: uuid().references(() => tenants.id, { onDelete: 'cascade' }),
    /** How the user proved who they are: `magic_link`, `oidc:google`, `totp`, `recovery_code`, … */
    authMethods: text().array().notNull().default(sql`'{}'::text[]`),
    /** When a second factor was last verified in this session (null: none yet). */
    mfaVerifiedAt: at(),
    /** When the user last re-authenticated (changing email or MFA needs it to be recent). */
    reauthenticatedAt: at(),
    userAgent: text(),
    ip: text(),
    createdAt: at().notNull().defaultNow(),
    lastSeenAt: at().notNull().defaultNow(),
    /** Signed out after this much inactivity (moved forward by each refresh). */
    idleExpiresAt: at().notNull(),
    /** Signed out at this time whatever happens. */
    absoluteExpiresAt: at().notNull(),
    revokedAt: at(),
    revokedReason: text(),
  },
  (table) => [index('sessions_user_idx').on(table.userId, table.createdAt), ...ownOrSystem(table.userId)('sessions')],
).enableRLS();

/** Opaque refresh tokens (stored hashed), one chain per session: each use replaces it with the next. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid().primaryKey(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 (hex) of the token. */
    tokenHash: text().notNull(),
    createdAt: at().notNull().defaultNow(),
    expiresAt: at().notNull(),
    /** Set when it was exchanged: presenting it again is reuse. */
    usedAt: at(),
    replacedById: uuid(),
  },
  (table) => [
    uniqueIndex('refresh_tokens_hash_key').on(table.tokenHash),
    index('refresh_tokens_session_idx').on(table.sessionId),
    ...ownOrSystem(table.userId)('refresh_tokens'),
  ],
).enableRLS();

/**
 * Sign-in links: single use, valid minutes, bound to the browser that asked (a cookie set on request, stored
 * hashed here, must come back with the link). `portal_tenant_id` scopes a client-portal link to one business
 * (not named tenant_id: the row is not the tenant's, nobody is signed in to one yet).
 * Nobody is signed in when they are made or used: system context only.
 */
export const magicLinks = pgTable(
  'magic_links',
  {
    id: uuid().primaryKey(),
    /** Lower-cased, as asked for (there may be no such user: nothing is sent then, and nothing says so). */
    email: text().notNull(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    portalTenantId: uuid().references(() => tenants.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    /** SHA-256 of the browser-binding cookie's value. */
    browserHash: text().notNull(),
    requestIp: text(),
    createdAt: at().notNull().defaultNow(),
    expiresAt: at().notNull(),
    usedAt: at(),
  },
  (table) => [
    uniqueIndex('magic_links_hash_key').on(table.tokenHash),
    index('magic_links_email_idx').on(table.email, table.createdAt),
    pgPolicy('magic_links_system', { for: 'all', using: inSystemContext, withCheck: inSystemContext }),
  ],
).enableRLS();

/** A user's account at an OIDC provider (Google, Microsoft, any configured issuer): `(provider, subject)`. */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text().notNull(),
    subject: text().notNull(),
    email: text(),
    createdAt: at().notNull().defaultNow(),
    lastUsedAt: at(),
  },
  (table) => [
    unique('user_identities_provider_subject_key').on(table.provider, table.subject),
    index('user_identities_user_idx').on(table.userId),
    ...ownOrSystem(table.userId)('user_identities'),
  ],
).enableRLS();

/** The user's TOTP authenticator. A code's time step is accepted once (`last_used_step`). */
export const totpFactors = pgTable(
  'totp_factors',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The shared secret, encrypted (AES-256-GCM with the server's key); never returned after enrolment. */
    secretEncrypted: text().notNull(),
    /** Null while enrolment waits for the first code. */
    confirmedAt: at(),
    lastUsedStep: bigint({ mode: 'number' }),
    createdAt: at().notNull().defaultNow(),
  },
  (table) => [...ownOrSystem(table.userId)('totp_factors')],
).enableRLS();

/** Ten single-use recovery codes per enrolment, stored hashed; a new set replaces the old one. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    createdAt: at().notNull().defaultNow(),
    usedAt: at(),
  },
  (table) => [index('recovery_codes_user_idx').on(table.userId), ...ownOrSystem(table.userId)('recovery_codes')],
).enableRLS();

/**
 * An Admin's invitation to join the business with a role (staff, crew, property manager, or a client linked
 * to their contact). Accepting it (by its emailed, single-use token) creates the membership. The invitee is
 * not signed in to the tenant yet, so the acceptance looks the token up in a named system context.
 */
export const invitations = tenantTable(
  'invitations',
  {
    id: uuid().notNull(),
    email: text().notNull(),
    roleId: uuid().notNull(),
    /** For a Client: the contact their portal shows. */
    contactId: uuid(),
    invitedByUserId: uuid().notNull(),
    tokenHash: text().notNull(),
    createdAt: at().notNull().defaultNow(),
    expiresAt: at().notNull(),
    acceptedAt: at(),
    acceptedUserId: uuid(),
    revokedAt: at(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [table.tenantId, table.roleId], foreignColumns: [roles.tenantId, roles.id] }),
    foreignKey({ columns: [table.tenantId, table.contactId], foreignColumns: [contacts.tenantId, contacts.id] }),
    foreignKey({ columns: [table.invitedByUserId], foreignColumns: [users.id] }),
    foreignKey({ columns: [table.acceptedUserId], foreignColumns: [users.id] }),
    index('invitations_tenant_email_idx').on(table.tenantId, table.email),
    // Acceptance finds the invitation by its token before any tenant is known (allow-listed, system context).
    uniqueIndex('invitations_token_hash_key').on(table.tokenHash),
    pgPolicy('invitations_system_select', { for: 'select', using: inSystemContext }),
    pgPolicy('invitations_system_update', { for: 'update', using: inSystemContext, withCheck: inSystemContext }),
  ],
);

export type Session = typeof sessions.$inferSelect;
export type RefreshToken = typeof refreshTokens.$inferSelect;
export type MagicLink = typeof magicLinks.$inferSelect;
export type UserIdentity = typeof userIdentities.$inferSelect;
export type TotpFactor = typeof totpFactors.$inferSelect;
export type RecoveryCode = typeof recoveryCodes.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
