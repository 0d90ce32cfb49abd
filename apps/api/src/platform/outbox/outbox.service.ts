import { Injectable } from '@nestjs/common';
import { currentDb } from '../db/current-transaction.js';
import { requestContext } from '../request-context/request-context.js';
import type { JobKey } from './job-definition.js';
import { type EnqueueOptions, enqueueEvent } from './outbox-store.js';

/**
 * Services call `enqueue()` next to the change that causes the work: the event is written in the request's
 * transaction, so it is committed with the change or not at all, and handled after the commit.
 */
@Injectable()
export class OutboxService {
  enqueue<TPayload>(job: JobKey<TPayload>, payload: TPayload, options?: EnqueueOptions) {
    const tenantId = requestContext().tenant?.tenantId;
    if (!tenantId) throw new Error('work can only be enqueued in a tenant request');
    return enqueueEvent(currentDb(), tenantId, job, payload, options);
  }
}
