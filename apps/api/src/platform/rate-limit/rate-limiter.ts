import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../config/config.schema.js';
import { APP_CONFIG } from '../config/load-config.js';
import { REDIS } from '../redis/redis.module.js';
import { maybeRequestContext } from '../request-context/request-context.js';
import {
  RATE_LIMIT_POLICY_NAMES,
  type RateLimitPolicy,
  type RateLimitPolicyName,
  type RateLimitWindow,
  resolvePolicies,
} from './rate-limit.policies.js';
import { tooManyRequests } from './rate-limit.reply.js';

export type { RateLimitPolicyName } from './rate-limit.policies.js';

interface PolicyLimiters {
  policy: RateLimitPolicy;
  /** Points per lease (policy.leased, with Redis); undefined: every action is counted in the store. */
  leaseSize?: number;
  /** Per key, or per (key, IP) pair when the policy has a ceiling. */
  main: RateLimiterAbstract;
  /** Per key across all IPs. */
  ceiling?: RateLimiterAbstract;
}

export interface ConsumeOptions {
  /** The client's IP for per-(account, IP) policies; default: the current request's (X-Forwarded-For aware). */
  ip?: string;
}

/** Points of a key this process leased from the shared counter and has not spent yet, until its window ends. */
interface Lease {
  /** The hashed key the shared counter is stored under. */
  storageKey: string;
  left: number;
  /** Epoch ms at which the window (and so the lease) ends. */
  until: number;
  /** The lease call in flight, which concurrent requests wait for; resolves false when it was refused. */
  renewal?: Promise<boolean>;
}

/** Keys whose lease this process keeps at most (one per active tenant is typical). */
const MAX_LEASES = 10_000;

/** A lease's key in this process: the policy and the key, compared case-insensitively like the stored hash. */
const leaseId = (name: RateLimitPolicyName, key: string): string => `${name}\0${key.trim().toLowerCase()}`;

/**
 * Fixed-window counters per policy and key: in Redis when REDIS_URL is set (shared by every API process),
 * in this process's memory otherwise. If Redis fails, each process falls back to its own memory counters
 * (the library's insurance limiter) rather than failing requests or letting everything through.
 * Keys are stored as `<prefix>:<policy>:<sha256 of the key>`: no email address or IP in clear in Redis.
 */
@Injectable()
export class RateLimiter {
  private readonly limiters: ReadonlyMap<RateLimitPolicyName, PolicyLimiters>;
  private readonly prefix: string;
  private connecting?: Promise<void>;
  /** This process's leases (see RateLimitPolicy.leased), by policy and key (leaseId). */
  private readonly leases = new Map<string, Lease>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {
    this.prefix = config.RATE_LIMIT_PREFIX;
    const policies = resolvePolicies(config.RATE_LIMITS);
    this.limiters = new Map(
      RATE_LIMIT_POLICY_NAMES.map((name) => {
        const policy = policies[name];
        const limiters: PolicyLimiters = {
          policy,
          leaseSize: policy.leased && redis ? Math.max(1, Math.floor(policy.points / 100)) : undefined,
          main: this.createLimiter(`${this.prefix}:${name}`, policy, policy.blockDuration),
          ceiling: policy.ceiling
            ? this.createLimiter(`${this.prefix}:${name}:ceiling`, policy.ceiling, policy.blockDuration)
            : undefined,
        };
        return [name, limiters] as const;
      }),
    );
  }

  /** The limits in force (defaults with RATE_LIMITS applied). */
  policy(name: RateLimitPolicyName): RateLimitPolicy {
    return this.limitersOf(name).policy;
  }

  /**
   * Counts one action; throws a 429 problem (with Retry-After on the current reply) when it is over the limit.
   * Call it before the work it guards, with the key the policy names (an IP, an email, a user, session or
   * tenant id). Keys are compared case-insensitively, so `Ann@Example.com` and `ann@example.com` share a count.
   */
  async consume(name: RateLimitPolicyName, key: string, options: ConsumeOptions = {}): Promise<void> {
    const { main, ceiling, leaseSize } = this.limitersOf(name);
    if (leaseSize !== undefined && !ceiling) return this.takeLeased(this.leaseOf(name, key), main, leaseSize);
    await this.connectOnce();
    const ip = options.ip ?? maybeRequestContext()?.ip ?? 'unknown';
    // The pair first: an attacker stopped by their own pair no longer eats into the account's ceiling.
    await this.take(main, ceiling ? this.hash(key, ip) : this.hash(key));
    if (ceiling) await this.take(ceiling, this.hash(key));
  }

  /**
   * Forgets the counts of a key (and of its pair with the IP), e.g. after a successful second factor, so that a
   * user who mistyped a few codes starts afresh. Processes other than this one may keep an in-memory block of
   * the key until its window ends.
   */
  async reset(name: RateLimitPolicyName, key: string, options: ConsumeOptions = {}): Promise<void> {
    const { main, ceiling } = this.limitersOf(name);
    await this.connectOnce();
    const ip = options.ip ?? maybeRequestContext()?.ip ?? 'unknown';
    this.leases.delete(leaseId(name, key));
    await main.delete(ceiling ? this.hash(key, ip) : this.hash(key));
    if (ceiling) await ceiling.delete(this.hash(key));
  }

  /** The Redis key (or memory key) a policy's counter for `key` is stored under, for tests and operators. */
  storageKey(name: RateLimitPolicyName, key: string, options: ConsumeOptions = {}): string {
    const { main, ceiling } = this.limitersOf(name);
    return main.getKey(ceiling ? this.hash(key, options.ip ?? 'unknown') : this.hash(key));
  }

  private async take(limiter: RateLimiterAbstract, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw tooManyRequests(rejection.msBeforeNext);
      throw rejection;
    }
  }

  /**
   * One point from this process's lease of the key, taking a new lease of `size` points when it is spent or its
   * window ended. Concurrent requests share one lease call. A refused lease (fewer than `size` points left in the
   * window) counts the request alone, which the store then refuses with the usual 429 and wait.
   */
  private async takeLeased(lease: Lease, limiter: RateLimiterAbstract, size: number): Promise<void> {
    for (;;) {
      if (lease.left > 0 && lease.until > Date.now()) {
        lease.left -= 1;
        return;
      }
      lease.renewal ??= this.renew(lease, limiter, size).finally(() => {
        lease.renewal = undefined;
      });
      if (!(await lease.renewal)) return this.take(limiter, lease.storageKey);
    }
  }

  /** The key's lease (kept by the key as given, so the request path computes no hash). */
  private leaseOf(name: RateLimitPolicyName, key: string): Lease {
    const id = leaseId(name, key);
    const held = this.leases.get(id);
    if (held) return held;
    if (this.leases.size >= MAX_LEASES) {
      const now = Date.now();
      for (const [other, lease] of this.leases) if (lease.until <= now && !lease.renewal) this.leases.delete(other);
      // Still full of live leases: forget them all (their unspent points are lost, never granted twice).
      if (this.leases.size >= MAX_LEASES) this.leases.clear();
    }
    const lease: Lease = { storageKey: this.hash(key), left: 0, until: 0 };
    this.leases.set(id, lease);
    return lease;
  }

  private async renew(lease: Lease, limiter: RateLimiterAbstract, size: number): Promise<boolean> {
    await this.connectOnce();
    try {
      const granted = await limiter.consume(lease.storageKey, size);
      lease.left = size;
      lease.until = Date.now() + granted.msBeforeNext;
      return true;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return false;
      throw rejection;
    }
  }

  private limitersOf(name: RateLimitPolicyName): PolicyLimiters {
    const limiters = this.limiters.get(name);
    if (!limiters) throw new Error(`Unknown rate-limit policy: ${name}`);
    return limiters;
  }

  private hash(...parts: string[]): string {
    return createHash('sha256').update(parts.join('\0').trim().toLowerCase()).digest('base64url');
  }

  private createLimiter(keyPrefix: string, window: RateLimitWindow, blockDuration: number): RateLimiterAbstract {
    const options = { keyPrefix, points: window.points, duration: window.duration, blockDuration };
    if (!this.redis) return new RateLimiterMemory(options);
    return new RateLimiterRedis({
      ...options,
      storeClient: this.redis,
      // Straight to the insurance counters while Redis is down, instead of waiting on a dead connection.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
      // Once a key is over its limit this process answers 429 from memory until the window (or block) ends,
      // so a client hammering a refused key costs no Redis round trips.
      inMemoryBlockOnConsumed: window.points + 1,
      ...(blockDuration > 0 && { inMemoryBlockDuration: blockDuration }),
    });
  }

  // The shared client is created with lazyConnect; whoever uses it first opens the connection.
  private async connectOnce(): Promise<void> {
    const redis = this.redis;
    if (redis?.status !== 'wait') return;
    this.connecting ??= redis.connect().catch(() => undefined);
    await this.connecting;
  }
}
