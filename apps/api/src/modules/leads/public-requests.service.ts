import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ActivityEntryInput } from '@ontrack/db/activity-chain';
import { appendActivity } from '@ontrack/db/activity-chain';
import type { Database, DatabaseHandle } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { applySessionContext } from '@ontrack/db/session-context';
import { resolveEmailLocale } from '@ontrack/emails/schemas';
import { type PublicLeadRequest, publicFormSmsConsentText } from '@ontrack/schemas/leads';
import type { AppConfig } from '../../platform/config/config.schema.js';
import { APP_CONFIG } from '../../platform/config/load-config.js';
import { DATABASE } from '../../platform/db/database.module.js';
import { problem } from '../../platform/http/problem-details.js';
import { RateLimiter } from '../../platform/rate-limit/rate-limiter.js';
import { type RequestContext, requestContext } from '../../platform/request-context/request-context.js';
import { NotificationService } from '../notifications/notification.service.js';
import { PropertyGeocoding } from '../properties/property-geocoding.service.js';
import { LeadStagesRepository } from './lead-stages.repository.js';
import { LeadsRepository } from './leads.repository.js';
import { leadLabel } from './leads.rules.js';
import { type Business, PublicRequestsRepository } from './public-requests.repository.js';

/** The named system context of the form's transaction (RLS: `app.context = 'system:public-request'`). */
const SYSTEM = 'public-request';
const ACTOR_LABEL = 'public request form';

type Entry = Pick<ActivityEntryInput, 'entityType' | 'entityId' | 'action' | 'summary'>;

/**
 * The public request form (/r/{slug}): a person asks a business for work without an account. In ONE
 * transaction, in the system context `public-request` inside the business: the contact (matched by email or
 * phone, else created), the service address, a `web_form` lead in the default stage with its first history
 * row, the SMS opt-in they ticked, the office's emails and the requester's acknowledgement (queued through the
 * notification service, sent after the commit), and the activity entries. Spam: a honeypot field (answered
 * like a success, nothing stored) and rate limits per client IP and per business.
 */
@Injectable()
export class PublicRequestsService {
  constructor(
    private readonly repository: PublicRequestsRepository,
    private readonly leads: LeadsRepository,
    private readonly stages: LeadStagesRepository,
    private readonly notifications: NotificationService,
    private readonly limiter: RateLimiter,
    private readonly geocoding: PropertyGeocoding,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async submit(slug: string, request: PublicLeadRequest): Promise<{ received: true }> {
    const context = requestContext();
    await this.limiter.consume('public-request:ip', context.ip ?? 'unknown');
    await this.database.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      await applySessionContext(tx, { system: SYSTEM });
      const business = await this.repository.findBusiness(tx, slug);
      if (!business) throw new NotFoundException(problem(404, { detail: 'No business has this address.' }));
      // A bot filled the hidden field: it gets the same answer as a person, and nothing is kept. Not counted
      // against the business, so bots caught this way cannot use up its allowance for real people.
      if (request.website.trim() !== '') return;
      await this.limiter.consume('public-request:business', business.id);
      await applySessionContext(tx, { tenantId: business.id, system: SYSTEM });
      await this.record(tx, business, request, context);
    });
    return { received: true };
  }

  private async record(tx: Database, business: Business, request: PublicLeadRequest, context: RequestContext) {
    const tenantId = business.id;
    const entries: Entry[] = [];
    const { email, phone } = request;

    const matched = await this.repository.matchContact(
      tx,
      [email, phone].filter((key): key is string => key !== null),
    );
    const contact = matched ?? {
      id: await this.repository.insertContact(tx, {
        tenantId,
        kind: 'person',
        displayName: request.name,
        email,
        phone,
        // Ticking the SMS box says how they want to hear from the business; the channel policy still needs
        // the consent record below (and a configured SMS provider) before anyone texts them.
        preferredChannel: request.smsConsent || email === null ? 'sms' : 'email',
      }),
      displayName: request.name,
    };
    if (!matched) {
      entries.push({
        entityType: 'contact',
        entityId: contact.id,
        action: 'create',
        summary: { contact: contact.displayName, source: ACTOR_LABEL, email, phone },
      });
    }

    const addressLine1 = request.addressLine1 || null;
    const city = request.city || null;
    let propertyId: string | null = null;
    let address: string | undefined;
    if (addressLine1 && city) {
      address = [addressLine1, city, request.postalCode].filter(Boolean).join(', ');
      propertyId = (matched && (await this.repository.findPropertyOf(tx, contact.id, addressLine1, city))) || null;
      if (!propertyId) {
        propertyId = await this.newProperty(tx, tenantId, contact.id, {
          addressLine1,
          city,
          postalCode: request.postalCode || null,
        });
        entries.push({
          entityType: 'property',
          entityId: propertyId,
          action: 'create',
          summary: { contact: contact.displayName, address, source: ACTOR_LABEL },
        });
      }
    }

    const stage = await this.stages.findDefault(tx);
    if (!stage) throw new Error(`business ${tenantId} has no default lead stage`);
    const leadId = newId();
    await this.leads.insertLead(
      tenantId,
      {
        id: leadId,
        source: 'web_form',
        requestedService: request.requestedService,
        contactId: contact.id,
        propertyId,
        stageId: stage.id,
        notes: request.message?.trim() || null,
        createdByUserId: null,
      },
      tx,
    );
    await this.leads.insertStageChange(
      tenantId,
      { leadId, fromStageId: null, toStageId: stage.id, changedByUserId: null },
      tx,
    );
    entries.push({
      entityType: 'lead',
      entityId: leadId,
      action: 'create',
      summary: {
        lead: leadLabel({ requestedService: request.requestedService, contactName: contact.displayName }),
        contact: contact.displayName,
        source: 'web_form',
        stage: stage.name,
        ...(address && { property: address }),
        ...(matched && { matchedExistingContact: true }),
      },
    });

    if (request.smsConsent && phone) {
      const consentId = await this.repository.insertSmsConsent(tx, {
        tenantId,
        contactId: contact.id,
        phone,
        status: 'opted_in',
        method: 'web_form',
        textShown: publicFormSmsConsentText(business.name, business.locale.startsWith('es') ? 'es' : 'en'),
        recordedByUserId: null,
        evidence: {
          ...(context.ip ? { ip: context.ip } : {}),
          ...(context.userAgent ? { userAgent: context.userAgent } : {}),
        },
      });
      entries.push({
        entityType: 'contact',
        entityId: contact.id,
        action: 'sms_opt_in',
        summary: { contact: contact.displayName, consentId, phone, method: 'web_form' },
      });
    }

    await this.notify(tx, business, request, { leadId, contactId: contact.id, address });
    // Last: the activity chain's per-tenant lock is held until the commit.
    await appendActivity(
      tx,
      entries.map((entry) => ({
        ...entry,
        tenantId,
        actorType: 'system',
        actorUserId: null,
        actorLabel: ACTOR_LABEL,
        requestId: context.requestId,
        ip: context.ip ?? null,
        userAgent: context.userAgent ?? null,
      })),
    );
  }

  /** The office's emails and the requester's acknowledgement, queued in this transaction (sent after it). */
  private async notify(
    tx: Database,
    business: Business,
    request: PublicLeadRequest,
    lead: { leadId: string; contactId: string; address?: string },
  ): Promise<void> {
    const tenantId = business.id;
    for (const member of await this.repository.officeRecipients(tx)) {
      await this.notifications.notifyMember(tx, tenantId, {
        email: member.email,
        locale: resolveEmailLocale([member.locale, business.locale]),
        template: 'new-lead',
        data: {
          customerName: request.name,
          requestedService: request.requestedService,
          ...(request.email && { email: request.email }),
          ...(request.phone && { phone: request.phone }),
          ...(lead.address && { address: lead.address }),
          ...(request.message?.trim() && { message: request.message.trim() }),
          smsConsent: request.smsConsent,
          leadUrl: `${this.config.APP_URL}/leads/${lead.leadId}`,
        },
        dedupeKey: `public-request:${lead.leadId}:office:${member.userId}`,
      });
    }
    await this.notifications.notifyContact(tx, tenantId, {
      contactId: lead.contactId,
      template: 'lead-received',
      data: {
        customerName: request.name,
        requestedService: request.requestedService,
        ...(lead.address && { address: lead.address }),
      },
      dedupeKey: `public-request:${lead.leadId}:received`,
    });
  }

  /** A service address; geocoded after the commit when a geocoder is configured, else kept without coordinates. */
  private async newProperty(
    tx: Database,
    tenantId: string,
    contactId: string,
    fields: { addressLine1: string; city: string; postalCode: string | null },
  ): Promise<string> {
    const address = { ...fields, addressLine2: null, region: null, country: 'US' };
    const geocodeStatus = this.geocoding.initialStatus;
    const id = await this.repository.insertProperty(tx, { tenantId, contactId, ...address, geocodeStatus });
    await this.geocoding.schedule(id, address, { tx, tenantId });
    return id;
  }
}
