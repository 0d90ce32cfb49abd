import { z } from 'zod';
import type { JobDefinition, JobKey } from '../platform/outbox/job-definition.js';

const payload = z.object({ messageId: z.uuid() });
export type DeliverMessagePayload = z.infer<typeof payload>;

/**
 * Hands one logged message (table `messages`) to its provider. Enqueued by NotificationService next to the
 * message row; the handler is MessageDelivery.deliver (modules/notifications), which makes sure a message
 * reaches the provider at most once however often this job is retried.
 */
export const deliverMessage: JobKey<DeliverMessagePayload> = {
  name: 'notifications.deliver',
  version: 1,
  payload,
  // Transient failures (SMTP 4xx, Twilio 5xx/429, network) back off 1 s, 2 s, 4 s … then the message fails
  // for good (and an SMS falls back to email) instead of dead-lettering.
  maxAttempts: 6,
};

export function deliverMessageJob(handler: {
  deliver: JobDefinition<DeliverMessagePayload>['handle'];
}): JobDefinition<DeliverMessagePayload> {
  return {
    ...deliverMessage,
    handle: (context, p) => handler.deliver(context, p),
  };
}
