import { ForbiddenException, Injectable } from '@nestjs/common';
import type { ConvertLead, LeadConverted, LeadView } from '@ontrack/schemas/leads';
import { sql } from 'drizzle-orm';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { problem } from '../../platform/http/problem-details.js';
import { PropertyGeocoding } from '../properties/property-geocoding.service.js';
import { LeadStagesRepository } from './lead-stages.repository.js';
import { LeadsRepository } from './leads.repository.js';
import { conflict, currentMember, invalidField, leadInTrash, leadLabel, toLeadView } from './leads.rules.js';
import { LeadsService } from './leads.service.js';

/**
 * A lead's way through the pipeline: moves between stages (each one a history row; a lost stage needs a
 * reason, leaving it clears the reason) and conversion into work (the first Won stage, `converted_at`, and the
 * service address when the lead had none; later issues add the estimate).
 */
@Injectable()
export class LeadPipelineService {
  constructor(
    private readonly leads: LeadsRepository,
    private readonly stages: LeadStagesRepository,
    private readonly leadsService: LeadsService,
    private readonly geocoding: PropertyGeocoding,
    private readonly activity: ActivityRecorder,
  ) {}

  async move(id: string, version: number, body: { stageId: string; reason?: string }): Promise<LeadView> {
    const member = currentMember();
    const before = await this.leadsService.loadLive(id, version);
    const target = await this.leadsService.checkedStage(body.stageId);
    // Dropped back on its own column: nothing moved, nothing to record.
    if (target.id === before.stageId) return toLeadView(before);
    if (target.kind === 'lost' && !body.reason) {
      throw invalidField('reason', `is required to move a lead to "${target.name}" (why was it lost?)`, 'required');
    }
    const from = await this.stages.findById(before.stageId);

    await this.leadsService.save(id, version, {
      stageId: target.id,
      lostReason: target.kind === 'lost' ? (body.reason ?? null) : null,
    });
    await this.leads.insertStageChange(member.tenantId, {
      leadId: id,
      fromStageId: before.stageId,
      toStageId: target.id,
      changedByUserId: member.userId,
      reason: body.reason ?? null,
    });
    this.activity.record({
      entityType: 'lead',
      entityId: id,
      action: 'move',
      summary: {
        lead: leadLabel(before),
        stage: [from?.name ?? null, target.name],
        ...(body.reason && { reason: body.reason }),
        ...(before.lostReason && target.kind !== 'lost' && { lostReason: [before.lostReason, null] }),
      },
    });
    return this.leadsService.get(id);
  }

  /**
   * Marks the lead converted and moves it to the first Won stage; with `property`, creates the lead's service
   * address for its contact first. A lead converts once: a second call is 409 (a retry with the same
   * Idempotency-Key gets the first answer instead).
   */
  async convert(id: string, version: number, body: ConvertLead): Promise<LeadConverted> {
    const member = currentMember();
    const lead = await this.leadsService.load(id);
    if (lead.deletedAt) throw leadInTrash();
    if (lead.convertedAt) {
      throw conflict(`This lead was already converted on ${lead.convertedAt.toISOString().slice(0, 10)}.`);
    }
    const before = await this.leadsService.loadLive(id, version);
    if (body.property && before.propertyId) {
      throw invalidField('property', 'cannot be given: the lead already has a property', 'not_allowed');
    }
    if (body.property && !member.permissions.has('properties:write')) {
      throw new ForbiddenException(
        problem(403, { detail: 'Creating the property needs the properties:write permission.' }),
      );
    }
    const won = await this.stages.findFirstWon();
    if (!won) throw conflict('The pipeline has no Won stage to convert leads into: add one in the pipeline settings.');
    const contact = await this.leads.findContact(before.contactId);
    if (!contact || contact.deletedAt) {
      throw conflict(`The lead's contact ${contact?.displayName ?? ''} is in the trash: restore it first.`.trim());
    }

    let propertyId = before.propertyId;
    if (body.property) {
      propertyId = await this.leads.insertProperty(member.tenantId, {
        contactId: contact.id,
        ...body.property,
        geocodeStatus: this.geocoding.initialStatus,
      });
      await this.geocoding.schedule(propertyId, body.property);
      this.activity.record({
        entityType: 'property',
        entityId: propertyId,
        action: 'create',
        summary: {
          contact: contact.displayName,
          address: `${body.property.addressLine1}, ${body.property.city}`,
          source: 'lead conversion',
        },
      });
    }
    const from = await this.stages.findById(before.stageId);
    await this.leadsService.save(id, version, {
      stageId: won.id,
      lostReason: null,
      propertyId,
      convertedAt: sql`now()`,
    });
    if (won.id !== before.stageId) {
      await this.leads.insertStageChange(member.tenantId, {
        leadId: id,
        fromStageId: before.stageId,
        toStageId: won.id,
        changedByUserId: member.userId,
        reason: 'Converted',
      });
    }
    this.activity.record({
      entityType: 'lead',
      entityId: id,
      action: 'convert',
      summary: {
        lead: leadLabel(before),
        contact: contact.displayName,
        stage: [from?.name ?? null, won.name],
        ...(body.property && { property: `${body.property.addressLine1}, ${body.property.city}` }),
      },
    });
    return { lead: await this.leadsService.get(id), contactId: contact.id, propertyId };
  }
}
