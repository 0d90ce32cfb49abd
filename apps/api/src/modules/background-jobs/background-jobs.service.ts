import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { OutboxEvent } from '@ontrack/db/schema/outbox';
import {
  type BackgroundJobListQuery,
  type BackgroundJobPage,
  type BackgroundJobView,
  decodeBackgroundJobCursor,
  encodeBackgroundJobCursor,
} from '@ontrack/schemas/background-jobs';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { problem } from '../../platform/http/problem-details.js';
import { requestContext } from '../../platform/request-context/request-context.js';
import { BackgroundJobsRepository } from './background-jobs.repository.js';

const ENTITY = 'background_job';

/**
 * What the outbox did with the business's background work, and the way out of the dead letters: an admin
 * reads the last error, fixes the cause (an address, a setting, a deploy) and retries; the relay then picks
 * the event up like any due event. Every retry is in the business's activity log.
 */
@Injectable()
export class BackgroundJobsService {
  constructor(
    private readonly events: BackgroundJobsRepository,
    private readonly activity: ActivityRecorder,
  ) {}

  async list({ status, job, cursor, limit }: BackgroundJobListQuery): Promise<BackgroundJobPage> {
    const tenantId = this.tenantId();
    const after = cursor === undefined ? undefined : decodeBackgroundJobCursor(cursor);
    const rows = await this.events.findPage(tenantId, { status, job, after }, limit + 1);
    const items = rows.slice(0, limit).map(toView);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        rows.length > limit && last ? encodeBackgroundJobCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }

  async get(id: string): Promise<BackgroundJobView> {
    const event = await this.events.findById(this.tenantId(), id);
    if (!event) throw notFound();
    return toView(event);
  }

  async retry(id: string): Promise<BackgroundJobView> {
    const tenantId = this.tenantId();
    const requeued = await this.events.requeueDead(tenantId, id);
    if (!requeued) {
      // Row-level security hides the events of other businesses: their ids are simply not found.
      const current = await this.events.findById(tenantId, id);
      if (!current) throw notFound();
      throw new ConflictException(
        problem(409, { detail: `This background job is ${current.status}; only a dead one can be retried.` }),
      );
    }
    this.activity.record({
      entityType: ENTITY,
      entityId: requeued.id,
      action: 'retry',
      summary: { job: requeued.job, status: ['dead', 'pending'], lastError: requeued.lastError },
    });
    return toView(requeued);
  }

  private tenantId(): string {
    const tenantId = requestContext().tenant?.tenantId;
    if (!tenantId) throw new Error('background jobs are read in a tenant request');
    return tenantId;
  }
}

function notFound(): NotFoundException {
  return new NotFoundException(problem(404, { detail: 'There is no such background job.' }));
}

function toView(event: OutboxEvent): BackgroundJobView {
  return {
    id: event.id,
    job: event.job,
    version: event.version,
    status: event.status,
    attempts: event.attempts,
    maxAttempts: event.maxAttempts,
    lastError: event.lastError,
    createdAt: event.createdAt.toISOString(),
    availableAt: event.availableAt.toISOString(),
    processedAt: event.processedAt?.toISOString() ?? null,
    dedupeKey: event.dedupeKey,
    payload: event.payload,
  };
}
