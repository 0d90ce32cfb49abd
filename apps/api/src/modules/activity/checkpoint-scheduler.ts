import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { checkpointPeriod, writeCheckpoint } from '@ontrack/db/activity-checkpoints';
import type { DatabaseHandle } from '@ontrack/db/client';
import { tenants } from '@ontrack/db/schema/tenants';
import { applySessionContext } from '@ontrack/db/session-context';
import { asc } from 'drizzle-orm';
import type { AppConfig } from '../../platform/config/config.schema.js';
import { APP_CONFIG } from '../../platform/config/load-config.js';
import { DATABASE } from '../../platform/db/database.module.js';
import { AuditKeys } from './audit-keys.js';
import { checkpointLock } from './checkpoint-lock.js';

/** The named system context the scheduler works in (`app.context = 'system:audit-checkpoint'`). */
export const CHECKPOINT_SYSTEM_CONTEXT = 'audit-checkpoint';

export interface CheckpointRun {
  /** The period signed: the UTC hour of `now`, e.g. `2026-11-24T01`. */
  period: string;
  /** Tenants whose checkpoint for the period this run wrote. */
  signed: string[];
  /** Tenants that already had one (signed by an earlier run or another process) or have no entries yet. */
  unchanged: number;
  /** Tenants whose signing failed (logged); the next run tries again while the period lasts. */
  failed: number;
}

/**
 * Signs every tenant's chain head once per period (AUDIT_CHECKPOINT_INTERVAL_MS apart; 0 disables it, as
 * does a missing AUDIT_SIGNING_KEY). A checkpoint row is keyed by (tenant, period) and written with
 * ON CONFLICT DO NOTHING, so a period is signed once however many API processes run this and however often
 * they restart.
 *
 * Deliberately small: a timer in each API process. It moves to the job infrastructure (transactional
 * outbox, BullMQ when Redis is configured) when that arrives with its own issue; signCheckpoints() is the
 * handler it will call.
 */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CheckpointScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly keys: AuditKeys,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.AUDIT_CHECKPOINT_INTERVAL_MS;
    if (interval === 0) return;
    if (!this.keys.signingKey) {
      this.logger.warn(
        'AUDIT_SIGNING_KEY is not set: activity-log checkpoints are not signed, so a rewrite of the log by ' +
          'someone with database superuser access would go unnoticed (see docs/audit.md)',
      );
      return;
    }
    this.timer = setInterval(() => this.tick(), interval);
    // The timer alone must not keep a process alive that is otherwise done.
    this.timer.unref();
    // Sign the current period right away: a process that restarts more often than the interval still signs.
    this.tick();
  }

  // Before, not on, application shutdown: the database pool closes in onApplicationShutdown, and a run in
  // progress must finish first.
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /**
   * One run: lists the tenants in a system context, then signs each tenant's head for the period of `now` in
   * that tenant's own transaction (its row-level security context). Needs AUDIT_SIGNING_KEY.
   */
  async signCheckpoints(now: Date = new Date()): Promise<CheckpointRun> {
    const key = this.keys.signingKey;
    if (!key) throw new Error('AUDIT_SIGNING_KEY is not set: there is no key to sign checkpoints with');
    const period = checkpointPeriod(now);
    const run: CheckpointRun = { period, signed: [], unchanged: 0, failed: 0 };
    const { db } = this.database;
    // Every tenant, in one small statement. Past many thousands of tenants this becomes a keyset-paginated
    // job per batch on the job infrastructure.
    const all = await db.transaction(async (tx) => {
      await applySessionContext(tx, { system: CHECKPOINT_SYSTEM_CONTEXT });
      return tx.select({ id: tenants.id }).from(tenants).orderBy(asc(tenants.id));
    });
    for (const { id: tenantId } of all) {
      try {
        const written = await db.transaction(async (tx) => {
          await applySessionContext(tx, { tenantId, system: CHECKPOINT_SYSTEM_CONTEXT });
          // Waits for verifications of this tenant in progress (see checkpointLock).
          await tx.execute(checkpointLock(tenantId, 'exclusive'));
          return writeCheckpoint(tx, tenantId, period, key);
        });
        if (written) run.signed.push(tenantId);
        else run.unchanged += 1;
      } catch (error) {
        run.failed += 1;
        this.logger.error({ err: error, tenantId, period }, 'signing the activity checkpoint failed');
      }
    }
    return run;
  }

  private tick(): void {
    // A run that outlasts the interval (many tenants, slow database) is not overlapped by the next one.
    if (this.running !== undefined) return;
    this.running = this.signCheckpoints()
      .then((run) => {
        if (run.signed.length > 0 || run.failed > 0) {
          this.logger.log(
            { period: run.period, signed: run.signed.length, unchanged: run.unchanged, failed: run.failed },
            'activity checkpoints signed',
          );
        }
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'the activity checkpoint run failed'))
      .finally(() => {
        this.running = undefined;
      });
  }
}
