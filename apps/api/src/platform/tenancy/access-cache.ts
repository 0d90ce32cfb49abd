import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { DatabaseHandle } from '@ontrack/db/client';
import type { LiveSessionRow } from '../auth/session-liveness.js';
import type { AppConfig } from '../config/config.schema.js';
import { APP_CONFIG } from '../config/load-config.js';
import { DATABASE } from '../db/database.module.js';
import type { MemberAccess } from './tenancy.repository.js';

/** Where migration 0015 announces changes: `user:<id>` (the user or one of their sessions) or `tenant:<id>`. */
export const ACCESS_CHANNEL = 'ontrack_access';
const BARRIER = 'barrier:';

interface Cached<T> {
  value: T;
  /** Date.now() after which the entry is not used (ACCESS_CACHE_TTL_MS: a bound if a notification is lost). */
  staleAt: number;
}

/** What the cache may answer for a session: live until the earlier of its two expiries, as the database said. */
export interface CachedSession extends LiveSessionRow {
  userId: string;
}

/** A read of the database that may be remembered if nothing changed while it ran (see `generation`). */
export interface AccessReadTicket {
  readonly generation: number;
}

/**
 * What the tenant guard would otherwise read on every request — is the session live, is the user an active
 * member of the tenant, with which roles, scopes and permissions — kept in memory so that a request's first
 * round trip carries only BEGIN, the settings and the handler's own statement. Without it, those two lookups
 * cost more than the contacts page they guard (bench/README.md § crm-load).
 *
 * Only positive answers are kept (a live session; an ACTIVE membership): a refusal, a session past its cached
 * expiry, a slug, a support grant or an operator always go to the database, which stays the authority.
 *
 * Forgetting: migration 0015's triggers announce every change to sessions, users' emails, memberships, roles,
 * user roles and role permissions —
 *   - to every API process by NOTIFY (delivered at COMMIT), so a change made elsewhere (another process, a job,
 *     psql) is seen within the notification's delivery, milliseconds;
 *   - to the process that made it, through the transaction's `app.access_changed`, read in the flight of its
 *     own COMMIT (RequestTransaction.commit) and forgotten before the response: sign out, a role change or a
 *     suspension made through this API holds for the very next request.
 * A read of the database started before a change and finished after it must not be remembered: every change
 * bumps `generation`, and `remember*` keeps a value only if no change arrived since its read started. Until
 * LISTEN is established (and again after its connection dropped, while postgres.js reconnects) the cache is
 * empty and off; ACCESS_CACHE_TTL_MS bounds how long an entry lives in any case, and 0 turns the cache off.
 */
@Injectable()
export class AccessCache implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AccessCache');
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  /** tenant id → user id → access. */
  private readonly members = new Map<string, Map<string, Cached<MemberAccess>>>();
  /** session id → session. */
  private readonly sessions = new Map<string, Cached<CachedSession>>();
  private memberCount = 0;
  private listening = false;
  private generation = 0;
  private unlisten: (() => Promise<void>) | undefined;
  private barrierSequence = 0;
  private readonly barriers = new Map<string, () => void>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {
    this.ttlMs = config.ACCESS_CACHE_TTL_MS;
    this.maxEntries = config.ACCESS_CACHE_MAX_ENTRIES;
  }

  onApplicationBootstrap(): void {
    if (this.ttlMs === 0) return;
    // Not awaited: the API starts (and /readyz reports) even while the database is down; the cache stays off
    // until LISTEN holds. postgres.js keeps LISTEN on a connection of its own and calls onlisten again after
    // every reconnect — what was announced in between is lost, so everything kept is dropped then.
    this.database.sql
      .listen(
        ACCESS_CHANNEL,
        (payload) => this.onNotification(payload),
        () => {
          this.clear();
          this.listening = true;
        },
      )
      .then(({ unlisten }) => {
        this.unlisten = unlisten;
      })
      .catch((error: unknown) => this.logger.warn(`LISTEN ${ACCESS_CHANNEL} failed, cache off: ${String(error)}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.listening = false;
    await this.unlisten?.().catch(() => undefined);
  }

  get enabled(): boolean {
    return this.listening;
  }

  /** The user's active membership of the tenant, if known. */
  member(tenantId: string, userId: string): MemberAccess | undefined {
    if (!this.listening) return undefined;
    const entry = this.members.get(tenantId)?.get(userId);
    return entry && entry.staleAt > Date.now() ? entry.value : undefined;
  }

  /** The session, if known to be live now and to belong to this user. */
  session(sessionId: string, userId: string): CachedSession | undefined {
    if (!this.listening) return undefined;
    const entry = this.sessions.get(sessionId);
    if (!entry) return undefined;
    const now = Date.now();
    const session = entry.value;
    return session.userId === userId && entry.staleAt > now && session.expiresAt > now ? session : undefined;
  }

  /** Call before reading what may be remembered; pass the ticket to `remember*` with the result. */
  beginRead(): AccessReadTicket {
    return { generation: this.generation };
  }

  rememberMember(ticket: AccessReadTicket, tenantId: string, userId: string, access: MemberAccess): void {
    if (!this.keeps(ticket) || access.status !== 'active') return;
    if (this.memberCount + this.sessions.size >= this.maxEntries) this.clear();
    let users = this.members.get(tenantId);
    if (!users) {
      users = new Map();
      this.members.set(tenantId, users);
    }
    if (!users.has(userId)) this.memberCount++;
    users.set(userId, { value: access, staleAt: Date.now() + this.ttlMs });
  }

  rememberSession(ticket: AccessReadTicket, sessionId: string, session: CachedSession): void {
    if (!this.keeps(ticket) || session.expiresAt <= Date.now()) return;
    if (this.memberCount + this.sessions.size >= this.maxEntries) this.clear();
    this.sessions.set(sessionId, { value: session, staleAt: Date.now() + this.ttlMs });
  }

  /** Forgets what the keys name: `user:<id>` (the user's memberships and sessions) or `tenant:<id>`. */
  forget(keys: readonly string[]): void {
    if (keys.length === 0) return;
    this.generation++;
    for (const key of keys) {
      const [kind, id] = key.split(':', 2);
      if (!id) continue;
      if (kind === 'tenant') this.forgetTenant(id);
      else if (kind === 'user') this.forgetUser(id);
    }
  }

  /**
   * Resolves once every change committed before the call has been announced to this process. For changes made
   * outside the API (tests and scripts writing SQL): a notification sent now arrives after theirs (PostgreSQL
   * delivers in commit order), so when it is back they have been applied.
   */
  async settle(): Promise<void> {
    if (!this.listening) return;
    const payload = `${BARRIER}${process.pid}:${++this.barrierSequence}`;
    const arrived = new Promise<void>((resolve) => this.barriers.set(payload, resolve));
    await this.database.sql.notify(ACCESS_CHANNEL, payload);
    await arrived;
  }

  private onNotification(payload: string): void {
    if (payload.startsWith(BARRIER)) {
      this.barriers.get(payload)?.();
      this.barriers.delete(payload);
      return;
    }
    this.forget([payload]);
  }

  private keeps(ticket: AccessReadTicket): boolean {
    return this.listening && ticket.generation === this.generation;
  }

  private forgetTenant(tenantId: string): void {
    const users = this.members.get(tenantId);
    if (!users) return;
    this.memberCount -= users.size;
    this.members.delete(tenantId);
  }

  private forgetUser(userId: string): void {
    for (const users of this.members.values()) {
      if (users.delete(userId)) this.memberCount--;
    }
    for (const [sessionId, entry] of this.sessions) {
      if (entry.value.userId === userId) this.sessions.delete(sessionId);
    }
  }

  private clear(): void {
    this.generation++;
    this.members.clear();
    this.sessions.clear();
    this.memberCount = 0;
  }
}
