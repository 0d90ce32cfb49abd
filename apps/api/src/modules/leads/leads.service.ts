import { Injectable } from '@nestjs/common';
import { newId } from '@ontrack/db/ids';
import { decodeKeysetCursor, encodeKeysetCursor } from '@ontrack/schemas/contacts';
import type {
  CreateLead,
  LeadBoard,
  LeadListQuery,
  LeadPage,
  LeadStageChangeView,
  LeadView,
  Money,
  UpdateLead,
} from '@ontrack/schemas/leads';
import { sql } from 'drizzle-orm';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { staleVersion } from '../../platform/http/versioning.js';
import { type LeadStageRow, LeadStagesRepository } from './lead-stages.repository.js';
import { type LeadFields, type LeadRow, LeadsRepository, sortValueOf } from './leads.repository.js';
import {
  conflict,
  currentMember,
  invalidField,
  leadInTrash,
  leadLabel,
  leadNotFound,
  seesWholeTenant,
  toLeadView,
  toStageView,
} from './leads.rules.js';

/**
 * Leads: the list and the board, one lead, its history, and changes to its fields (stage moves and
 * conversion are in LeadPipelineService). Rules the database cannot check are checked here, each answering
 * 422 on the field to fix: the contact must be one the caller sees, the property must be that contact's, the
 * assignee must be a member who works leads, the stage must be live.
 */
@Injectable()
export class LeadsService {
  constructor(
    private readonly leads: LeadsRepository,
    private readonly stages: LeadStagesRepository,
    private readonly activity: ActivityRecorder,
  ) {}

  async list(query: LeadListQuery): Promise<LeadPage> {
    const after = query.cursor === undefined ? undefined : decodeKeysetCursor(query.cursor);
    const rows = await this.leads.list(query, after, query.limit + 1);
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map(toLeadView),
      nextCursor: rows.length > query.limit && last ? encodeKeysetCursor(sortValueOf(query.sort, last), last.id) : null,
    };
  }

  /**
   * Every live stage with its count, value per currency and first leads: three statements whatever the
   * number of stages, sent together (postgres.js pipelines them on the request's connection).
   */
  async board(perStage: number): Promise<LeadBoard> {
    const [stages, totals, rows] = await Promise.all([
      this.stages.list(false),
      this.leads.totalsPerStage(),
      this.leads.firstLeadsPerStage(perStage),
    ]);
    return {
      columns: stages.map((stage) => {
        const sums = totals.filter((total) => total.stageId === stage.id);
        const leads = rows.filter((row) => row.stageId === stage.id);
        const shown = leads.slice(0, perStage);
        const last = shown.at(-1);
        return {
          stage: toStageView(stage),
          count: sums.reduce((count, total) => count + total.count, 0),
          totals: sums
            .filter((total): total is typeof total & { currency: string } => total.currency !== null)
            .map((total) => ({ currency: total.currency, amountMinor: total.amountMinor }))
            .sort((a, b) => a.currency.localeCompare(b.currency)),
          leads: shown.map(toLeadView),
          // The same cursor as GET /leads?stageId=…&sort=updated uses: "more" continues the column there.
          nextCursor:
            leads.length > perStage && last ? encodeKeysetCursor(last.updatedAt.toISOString(), last.id) : null,
        };
      }),
    };
  }

  async get(id: string): Promise<LeadView> {
    return toLeadView(await this.load(id));
  }

  async history(id: string): Promise<LeadStageChangeView[]> {
    await this.load(id);
    const rows = await this.leads.history(id);
    return rows.map((row) => ({ ...row, changedAt: row.changedAt.toISOString() }));
  }

  async create(input: CreateLead): Promise<LeadView> {
    const member = currentMember();
    const contact = await this.checkedContact(input.contactId);
    const property = input.propertyId ? await this.checkedProperty(input.propertyId, contact.id) : null;
    if (!property && !seesWholeTenant(member)) throw propertyRequired();
    const assignee = input.assigneeUserId ? await this.checkedAssignee(input.assigneeUserId) : null;
    const stage = input.stageId ? await this.checkedStage(input.stageId) : await this.stages.findDefault();
    if (!stage)
      throw conflict('This business has no default stage for new leads: choose one in the pipeline settings.');
    if (stage.kind === 'lost') {
      throw invalidField('stageId', 'is a lost stage: create the lead, then move it there with a reason');
    }

    const id = newId();
    await this.leads.insertLead(member.tenantId, {
      id,
      source: input.source,
      requestedService: input.requestedService,
      contactId: contact.id,
      propertyId: property?.id ?? null,
      stageId: stage.id,
      assigneeUserId: assignee?.userId ?? null,
      ...moneyColumns(input.estimatedValue),
      nextFollowUpOn: input.nextFollowUpOn,
      notes: input.notes,
      createdByUserId: member.userId,
    });
    await this.leads.insertStageChange(member.tenantId, {
      leadId: id,
      fromStageId: null,
      toStageId: stage.id,
      changedByUserId: member.userId,
    });
    this.activity.record({
      entityType: 'lead',
      entityId: id,
      action: 'create',
      summary: {
        lead: leadLabel({ requestedService: input.requestedService, contactName: contact.displayName }),
        contact: contact.displayName,
        source: input.source,
        stage: stage.name,
        ...(property && { property: property.address }),
        ...(assignee && { assignee: assignee.name }),
        ...(input.estimatedValue && { estimatedValue: input.estimatedValue }),
        ...(input.nextFollowUpOn && { nextFollowUpOn: input.nextFollowUpOn }),
      },
    });
    return this.get(id);
  }

  async update(id: string, version: number, patch: UpdateLead): Promise<LeadView> {
    const member = currentMember();
    const before = await this.loadLive(id, version);
    const fields: LeadFields = {};
    const changes: Record<string, [unknown, unknown]> = {};
    const change = <K extends keyof LeadFields>(field: K, value: LeadFields[K], shown?: [unknown, unknown]) => {
      fields[field] = value;
      if (shown) changes[field] = shown;
    };

    for (const field of ['source', 'requestedService', 'nextFollowUpOn', 'notes'] as const) {
      const value = patch[field];
      if (value !== undefined && value !== before[field]) change(field, value, [before[field], value]);
    }
    const contactId = patch.contactId ?? before.contactId;
    if (contactId !== before.contactId) {
      const contact = await this.checkedContact(contactId);
      change('contactId', contact.id);
      changes.contact = [before.contactName, contact.displayName];
    }
    const propertyId = patch.propertyId !== undefined ? patch.propertyId : before.propertyId;
    if (propertyId === null && patch.propertyId === null && !seesWholeTenant(member)) throw propertyRequired();
    if (propertyId !== before.propertyId || (propertyId && contactId !== before.contactId)) {
      // A new contact keeps the old property only if it is theirs too; the check names the property to fix.
      const property = propertyId ? await this.checkedProperty(propertyId, contactId) : null;
      if (propertyId !== before.propertyId) {
        const previous = before.propertyId ? await this.leads.findProperty(before.propertyId) : undefined;
        change('propertyId', property?.id ?? null, [previous?.address ?? null, property?.address ?? null]);
      }
    }
    if (patch.assigneeUserId !== undefined && patch.assigneeUserId !== before.assigneeUserId) {
      const assignee = patch.assigneeUserId ? await this.checkedAssignee(patch.assigneeUserId) : null;
      change('assigneeUserId', assignee?.userId ?? null, [
        await this.leads.memberName(before.assigneeUserId),
        assignee?.name ?? null,
      ]);
    }
    if (patch.estimatedValue !== undefined) {
      const previous = toLeadView(before).estimatedValue;
      const next = patch.estimatedValue;
      if (previous?.amountMinor !== next?.amountMinor || previous?.currency !== next?.currency) {
        Object.assign(fields, moneyColumns(next));
        changes.estimatedValue = [previous, next];
      }
    }
    if (Object.keys(fields).length === 0) return toLeadView(before);

    await this.save(id, version, fields);
    const after = await this.load(id);
    const { contact: contactChange, ...rest } = changes;
    this.activity.record({
      entityType: 'lead',
      entityId: id,
      action: 'update',
      summary: { lead: leadLabel(after), ...(contactChange && { contact: contactChange }), ...rest },
    });
    return toLeadView(after);
  }

  /** Into the trash (restorable). Deleting a lead that is already there changes nothing. */
  async remove(id: string): Promise<void> {
    const before = await this.load(id);
    if (before.deletedAt) return;
    await this.save(id, before.version, { deletedAt: sql`now()` });
    const stage = await this.stages.findById(before.stageId);
    this.activity.record({
      entityType: 'lead',
      entityId: id,
      action: 'delete',
      summary: { lead: leadLabel(before), stage: stage?.name ?? null },
    });
  }

  /**
   * Out of the trash. A lead whose stage was archived meanwhile comes back in the default stage (with a
   * history entry saying why), so it never sits in a column nobody sees.
   */
  async restore(id: string): Promise<LeadView> {
    const member = currentMember();
    const before = await this.load(id);
    if (!before.deletedAt) return toLeadView(before);
    const stage = await this.stages.findById(before.stageId);
    const landing = stage && !stage.archivedAt ? stage : await this.stages.findDefault();
    if (!landing) throw conflict('This business has no default stage to restore the lead into.');
    const moved = landing.id !== before.stageId;
    await this.save(id, before.version, {
      deletedAt: null,
      ...(moved && { stageId: landing.id, lostReason: null }),
    });
    if (moved) {
      await this.leads.insertStageChange(member.tenantId, {
        leadId: id,
        fromStageId: before.stageId,
        toStageId: landing.id,
        changedByUserId: member.userId,
        reason: `Restored from the trash; the stage "${stage?.name ?? ''}" was archived meanwhile.`,
      });
    }
    this.activity.record({
      entityType: 'lead',
      entityId: id,
      action: 'restore',
      summary: { lead: leadLabel(before), ...(moved ? { stage: [stage?.name ?? null, landing.name] } : {}) },
    });
    return this.get(id);
  }

  /** The lead or 404 (trash included: its detail page still opens). */
  async load(id: string): Promise<LeadRow> {
    const lead = await this.leads.findById(id.toLowerCase());
    if (!lead) throw leadNotFound();
    return lead;
  }

  /** A lead that may be changed: not in the trash, and still at the version the caller last read. */
  async loadLive(id: string, version: number): Promise<LeadRow> {
    const lead = await this.load(id);
    if (lead.deletedAt) throw leadInTrash();
    if (lead.version !== version) throw staleVersion('lead', lead.version);
    return lead;
  }

  /** The versioned update; 0 rows means someone else changed (412) or removed it (404) meanwhile. */
  async save(id: string, version: number, fields: Parameters<LeadsRepository['updateLead']>[2]): Promise<void> {
    if (await this.leads.updateLead(id, version, fields)) return;
    const current = await this.leads.findById(id);
    if (!current) throw leadNotFound();
    throw staleVersion('lead', current.version);
  }

  async checkedStage(stageId: string): Promise<LeadStageRow> {
    const stage = await this.stages.findById(stageId);
    if (!stage) throw invalidField('stageId', 'is not a stage of this business', 'not_found');
    if (stage.archivedAt) throw invalidField('stageId', `is the archived stage "${stage.name}"`, 'archived');
    return stage;
  }

  private async checkedContact(contactId: string) {
    const contact = await this.leads.findContact(contactId);
    if (!contact) throw invalidField('contactId', 'is not a contact you can see in this business', 'not_found');
    if (contact.deletedAt) throw invalidField('contactId', `is ${contact.displayName}, who is in the trash`, 'deleted');
    return contact;
  }

  private async checkedProperty(propertyId: string, contactId: string) {
    const property = await this.leads.findProperty(propertyId);
    if (!property) throw invalidField('propertyId', 'is not a property you can see in this business', 'not_found');
    if (property.deletedAt) throw invalidField('propertyId', 'is a property in the trash', 'deleted');
    if (property.contactId !== contactId) {
      throw invalidField(
        'propertyId',
        'belongs to another contact: choose one of this contact’s properties',
        'mismatch',
      );
    }
    return property;
  }

  private async checkedAssignee(userId: string) {
    const assignee = await this.leads.findAssignableMember(userId);
    if (!assignee) {
      throw invalidField('assigneeUserId', 'is not an active member of this business who may work on leads', 'invalid');
    }
    return assignee;
  }
}

function moneyColumns(value: Money | null): Pick<LeadFields, 'estimatedValueMinor' | 'currency'> {
  return { estimatedValueMinor: value?.amountMinor ?? null, currency: value?.currency ?? null };
}

function propertyRequired() {
  return invalidField('propertyId', 'is required: you see only leads on the properties you manage', 'required');
}
