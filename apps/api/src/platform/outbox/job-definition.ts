import type { Database } from '@ontrack/db/client';
import type { z } from 'zod';

/** What a handler gets: the transaction that will also mark its event done, and where it is. */
export interface JobContext {
  /** Runs in the event's tenant, in the named system context `job:<name>`; commit = done. */
  tx: Database;
  tenantId: string;
  /** The outbox id: stable across retries, so external effects can be made idempotent with it. */
  eventId: string;
  /** 1 on the first try. */
  attempt: number;
  /** After this attempt fails, the event is dead-lettered: a handler may settle instead (e.g. fall back). */
  maxAttempts: number;
  /**
   * Runs `work` in its OWN transaction (same tenant and system context), committed at once, whatever happens
   * to the job's transaction afterwards. For the rare state that must survive a crash of this attempt, such
   * as "this message is being handed to the provider" — the guard that keeps a retry from sending it twice.
   */
  separately<T>(work: (tx: Database) => Promise<T>): Promise<T>;
}

/**
 * A job is a name, a version, a zod payload and a handler (documenso's shape). Bump `version` when the
 * payload changes incompatibly; a worker refuses (dead-letters) versions it does not know instead of guessing.
 */
export interface JobDefinition<TPayload = unknown> {
  name: string;
  version: number;
  payload: z.ZodType<TPayload>;
  maxAttempts?: number;
  handle(context: JobContext, payload: TPayload): Promise<void>;
}

/** What the outbox needs to enqueue a job (the handler is only needed by workers). */
export type JobKey<TPayload = unknown> = Pick<JobDefinition<TPayload>, 'name' | 'version' | 'payload' | 'maxAttempts'>;

export function defineJob<TPayload>(definition: JobDefinition<TPayload>): JobDefinition<TPayload> {
  return definition;
}

export class JobRegistry {
  private readonly jobs = new Map<string, JobDefinition>();

  constructor(definitions: readonly JobDefinition<never>[]) {
    for (const definition of definitions) {
      if (this.jobs.has(definition.name)) throw new Error(`job ${definition.name} is defined twice`);
      this.jobs.set(definition.name, definition as unknown as JobDefinition);
    }
  }

  get(name: string): JobDefinition | undefined {
    return this.jobs.get(name);
  }

  get names(): string[] {
    return [...this.jobs.keys()];
  }
}
