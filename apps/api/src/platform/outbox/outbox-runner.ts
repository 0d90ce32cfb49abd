import type { Database } from '@ontrack/db/client';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobRegistry } from './job-definition.js';
import {
  type DueEvent,
  exponentialBackoff,
  leaseDueEvents,
  type ProcessOutcome,
  processEvent,
} from './outbox-store.js';

export const OUTBOX_QUEUE = 'ontrack-outbox';
/** NOTIFY channel of committed outbox events (migration 0010_outbox_notify). */
export const OUTBOX_CHANNEL = 'ontrack_outbox';

export interface OutboxRunnerOptions {
  /** How often the relay looks for due events when the last look found none. */
  pollMs: number;
  /** How long a dispatched event is not dispatched again (the longest a handler may take). */
  leaseMs: number;
  /** Events handled at once by this process. */
  concurrency: number;
  backoffBaseMs: number;
  /** Redis connection options for BullMQ; without it, handlers run in this process. */
  redisUrl?: string;
  /** BullMQ queue name: distinct per deployment (and per test run) sharing one Redis. */
  queueName?: string;
  /** Only these tenants' events (OUTBOX_TENANTS); unset: every tenant's. */
  tenants?: readonly string[];
  /**
   * Subscribes to the outbox's commit notifications (channel `ontrack_outbox`, see migration
   * 0010_outbox_notify): the relay then starts at once instead of at its next poll. Returns the unsubscribe.
   */
  listen?: (onCommitted: () => void) => Promise<() => Promise<void>>;
  onError?: (error: unknown, context: string) => void;
  onProcessed?: (event: Pick<DueEvent, 'tenantId' | 'id'>, outcome: ProcessOutcome) => void;
}

/**
 * The relay and the workers. The relay leases due events from PostgreSQL (the source of truth) and hands
 * them to BullMQ (job id = event id, so a re-dispatch of a queued event is a no-op) or, without Redis, to
 * in-process workers. Nothing here needs Nest, so the crash tests can run it in a plain process.
 */
export class OutboxRunner {
  private stopped = true;
  private relayTimer: NodeJS.Timeout | undefined;
  private relaying: Promise<void> | undefined;
  /** True while a relay round runs: a notification then asks for another round right after it. */
  private busy = false;
  private wakeRequested = false;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  private queue: Queue | undefined;
  private worker: Worker | undefined;
  private readonly backoff: (attempt: number) => number;

  constructor(
    private readonly db: Database,
    private readonly registry: JobRegistry,
    private readonly options: OutboxRunnerOptions,
  ) {
    this.backoff = exponentialBackoff(options.backoffBaseMs);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.options.redisUrl) {
      const url = this.options.redisUrl;
      // BullMQ's workers block on Redis: they need their own connections, with no per-command retry limit.
      const connection = () => new Redis(url, { maxRetriesPerRequest: null });
      this.queue = new Queue(this.options.queueName ?? OUTBOX_QUEUE, { connection: connection() });
      this.worker = new Worker(
        this.options.queueName ?? OUTBOX_QUEUE,
        async (job) => {
          const event = job.data as DueEvent;
          // Not inlined into `onProcessed?.(…)`: optional call skips evaluating its arguments.
          const outcome = await processEvent(this.db, this.registry, event, this.backoff);
          this.options.onProcessed?.(event, outcome);
        },
        { connection: connection(), concurrency: this.options.concurrency, autorun: true },
      );
      this.queue.on('error', (error) => this.options.onError?.(error, 'bullmq queue'));
      this.worker.on('error', (error) => this.options.onError?.(error, 'bullmq worker'));
    }
    this.scheduleRelay(0);
    this.options
      .listen?.(() => this.wake())
      .then((unlisten) => {
        if (this.stopped) return unlisten();
        this.unlisten = unlisten;
      })
      .catch((error: unknown) => this.options.onError?.(error, 'outbox listen (falling back to polling)'));
  }

  /** An event was committed: relay now rather than at the next poll. */
  private wake(): void {
    if (this.stopped) return;
    if (this.busy) {
      this.wakeRequested = true;
      return;
    }
    this.scheduleRelay(0);
  }

  /** Stops leasing, lets running handlers finish, closes BullMQ. Leased but unfinished events come back. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.relayTimer);
    await this.unlisten?.().catch(() => undefined);
    await this.relaying;
    await Promise.allSettled(this.inFlight);
    await this.worker?.close();
    await this.queue?.close();
  }

  private scheduleRelay(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.relayTimer);
    this.relayTimer = setTimeout(() => {
      this.busy = true;
      this.wakeRequested = false;
      this.relaying = this.relayOnce()
        .then((found) => this.afterRound(found ? 0 : this.options.pollMs))
        .catch((error: unknown) => {
          this.options.onError?.(error, 'outbox relay');
          this.afterRound(this.options.pollMs);
        });
    }, delayMs);
  }

  private afterRound(nextDelayMs: number): void {
    this.busy = false;
    this.scheduleRelay(this.wakeRequested ? 0 : nextDelayMs);
  }

  /** One relay round; true when it found work (so the next round starts at once). */
  private async relayOnce(): Promise<boolean> {
    const capacity = this.queue ? 100 : this.options.concurrency - this.inFlight.size;
    if (capacity <= 0) {
      await Promise.race(this.inFlight);
      return true;
    }
    const events = await leaseDueEvents(
      this.db,
      capacity,
      this.options.leaseMs,
      this.registry.names,
      this.options.tenants,
    );
    if (this.queue) {
      await this.queue.addBulk(
        events.map((event) => ({
          name: event.job,
          data: event,
          opts: { jobId: event.id, removeOnComplete: true, removeOnFail: true, attempts: 1 },
        })),
      );
    } else {
      for (const event of events) this.runInProcess(event);
    }
    return events.length > 0;
  }

  private runInProcess(event: DueEvent): void {
    const running = processEvent(this.db, this.registry, event, this.backoff)
      .then((outcome) => this.options.onProcessed?.(event, outcome))
      .catch((error: unknown) => this.options.onError?.(error, `outbox event ${event.id}`))
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }
}

/** Redis evicting keys would silently drop queued jobs; the outbox would recover them, but slowly. */
export async function warnUnlessNoEviction(redis: Redis, warn: (message: string) => void): Promise<void> {
  if (redis.status === 'wait') await redis.connect();
  const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as [string, string];
  if (policy !== 'noeviction') {
    warn(`Redis maxmemory-policy is "${policy}"; set it to "noeviction" so queued jobs are never evicted`);
  }
}
