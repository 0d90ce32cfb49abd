import { Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { DatabaseHandle } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import type { SmsConsent } from '@ontrack/db/schema/messaging';
import { applySessionContext } from '@ontrack/db/session-context';
import type { RecordSmsConsent, SmsConsentRecordView, SmsConsentState } from '@ontrack/schemas/messaging';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { currentDb } from '../../platform/db/current-transaction.js';
import { DATABASE } from '../../platform/db/database.module.js';
import { problem } from '../../platform/http/problem-details.js';
import { requestContext } from '../../platform/request-context/request-context.js';
import { MessagesRepository } from './messages.repository.js';

/** Twilio's default opt-out and opt-in keywords (Advanced Opt-Out), matched on the whole trimmed message. */
const OPT_OUT_KEYWORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const OPT_IN_KEYWORDS = new Set(['START', 'YES', 'UNSTOP', 'OPTIN']);

export function keywordStatus(body: string): 'opted_in' | 'opted_out' | undefined {
  const word = body
    .trim()
    .toUpperCase()
    .replace(/[.!]+$/, '');
  if (OPT_OUT_KEYWORDS.has(word)) return 'opted_out';
  if (OPT_IN_KEYWORDS.has(word)) return 'opted_in';
  return undefined;
}

export interface InboundSms {
  from: string;
  to: string;
  body: string;
  messageSid: string;
}

/**
 * SMS consent per contact and number, as evidence: staff record what the contact agreed to (or withdrew),
 * with the wording shown; the contact's own STOP/START texts arrive through Twilio's inbound webhook. The
 * newest record for the contact's current number decides whether the notification service may text them.
 */
@Injectable()
export class SmsConsentService {
  constructor(
    private readonly repository: MessagesRepository,
    private readonly activity: ActivityRecorder,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {}

  async state(contactId: string): Promise<SmsConsentState> {
    const db = currentDb();
    const contact = await this.repository.findContact(db, contactId);
    if (!contact) throw contactNotFound();
    const history = await this.repository.consentHistory(db, contactId);
    const current = contact.phone ? history.find((record) => record.phone === contact.phone) : undefined;
    return {
      contactId,
      phone: contact.phone,
      status: current?.status ?? 'none',
      current: current ? toView(current) : null,
      history: history.map(toView),
    };
  }

  async record(contactId: string, body: RecordSmsConsent): Promise<SmsConsentState> {
    const db = currentDb();
    const context = requestContext();
    const contact = await this.repository.findContact(db, contactId);
    if (!contact) throw contactNotFound();
    const phone = body.phone ?? contact.phone;
    if (!phone) {
      throw new UnprocessableEntityException(
        problem(422, {
          detail: 'The contact has no phone number: give `phone`, or add a number to the contact first.',
          errors: [{ in: 'body', pointer: '/phone', field: 'phone', detail: 'is required', code: 'required' }],
        }),
      );
    }
    const consent = await this.repository.insertConsent(db, {
      tenantId: contact.tenantId,
      id: newId(),
      contactId,
      phone,
      status: body.status,
      method: body.method,
      textShown: body.textShown,
      recordedByUserId: context.actor?.kind === 'user' ? context.actor.userId : null,
      evidence: {
        ...(context.ip ? { ip: context.ip } : {}),
        ...(context.userAgent ? { userAgent: context.userAgent } : {}),
      },
    });
    this.activity.record({
      entityType: 'contact',
      entityId: contactId,
      action: body.status === 'opted_in' ? 'sms_opt_in' : 'sms_opt_out',
      summary: { consentId: consent.id, phone, method: body.method },
    });
    return this.state(contactId);
  }

  /**
   * A text from a contact to our sender number. STOP (and its synonyms) opts the number out, START opts it
   * back in, for every business that has a contact with that number: the number is shared, and so is the
   * carrier's opt-out. Idempotent per inbound message (Twilio retries webhooks). Returns the records written.
   */
  async handleInbound(inbound: InboundSms): Promise<number> {
    const status = keywordStatus(inbound.body);
    if (!status) return 0;
    const { db } = this.database;
    const matches = await db.transaction(async (tx) => {
      await applySessionContext(tx, { system: 'twilio-inbound' });
      return this.repository.contactsWithPhone(tx, inbound.from);
    });
    let written = 0;
    for (const match of matches) {
      written += await db.transaction(async (tx) => {
        await applySessionContext(tx, { tenantId: match.tenantId, system: 'twilio-inbound' });
        if (await this.repository.consentFromInboundExists(tx, match.id, inbound.messageSid)) return 0;
        await this.repository.insertConsent(tx, {
          tenantId: match.tenantId,
          id: newId(),
          contactId: match.id,
          phone: inbound.from,
          status,
          method: 'sms_keyword',
          textShown: inbound.body.trim().slice(0, 1000),
          evidence: { messageSid: inbound.messageSid, to: inbound.to },
        });
        return 1;
      });
    }
    return written;
  }
}

function contactNotFound(): NotFoundException {
  return new NotFoundException(problem(404, { detail: 'There is no contact with this id.' }));
}

function toView(record: SmsConsent): SmsConsentRecordView {
  return {
    id: record.id,
    phone: record.phone,
    status: record.status,
    method: record.method,
    textShown: record.textShown,
    recordedByUserId: record.recordedByUserId,
    recordedAt: record.recordedAt.toISOString(),
  };
}
