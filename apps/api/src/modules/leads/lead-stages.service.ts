import { Injectable, NotFoundException } from '@nestjs/common';
import type { CreateLeadStage, LeadStageView, UpdateLeadStage } from '@ontrack/schemas/leads';
import { sql } from 'drizzle-orm';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { problem } from '../../platform/http/problem-details.js';
import { staleVersion } from '../../platform/http/versioning.js';
import { type LeadStageRow, LeadStagesRepository } from './lead-stages.repository.js';
import { conflict, currentMember, invalidField, toStageView } from './leads.rules.js';

/**
 * The pipeline settings: add, rename, reorder, make default, archive and restore stages. A stage is never
 * deleted (leads and their history point at it); it is archived, and only once it holds no live lead. Exactly
 * one live open stage is the default, where new leads land.
 */
@Injectable()
export class LeadStagesService {
  constructor(
    private readonly stages: LeadStagesRepository,
    private readonly activity: ActivityRecorder,
  ) {}

  async list(includeArchived: boolean): Promise<LeadStageView[]> {
    return (await this.stages.list(includeArchived)).map(toStageView);
  }

  async create(input: CreateLeadStage): Promise<LeadStageView> {
    const { tenantId } = currentMember();
    await this.stages.lockPipeline(tenantId);
    await this.assertNameFree(input.name);
    const last = await this.stages.count();
    const position = Math.min(input.position ?? last + 1, last + 1);
    const id = await this.stages.insertAt(tenantId, { name: input.name, kind: input.kind, position });
    this.activity.record({
      entityType: 'lead_stage',
      entityId: id,
      action: 'create',
      summary: { stage: input.name, kind: input.kind, position },
    });
    return toStageView(await this.load(id));
  }

  async update(id: string, version: number, patch: UpdateLeadStage): Promise<LeadStageView> {
    const { tenantId } = currentMember();
    await this.stages.lockPipeline(tenantId);
    const before = await this.load(id);
    if (before.version !== version) throw staleVersion('stage', before.version);

    const fields: Parameters<LeadStagesRepository['update']>[2] = {};
    const summary: Record<string, unknown> = { stage: before.name };
    const archivedAfter = patch.archived ?? before.archivedAt !== null;

    if (patch.name !== undefined && patch.name !== before.name) {
      if (!archivedAfter) await this.assertNameFree(patch.name, id);
      fields.name = patch.name;
      summary.name = [before.name, patch.name];
    }
    if (patch.archived === true && !before.archivedAt) {
      if (before.isDefault) {
        throw conflict(`"${before.name}" is where new leads land: make another stage the default before archiving it.`);
      }
      const live = await this.stages.countLiveLeads(id);
      if (live > 0) {
        const leads = live === 1 ? '1 live lead' : `${live} live leads`;
        throw conflict(
          `The stage "${before.name}" still holds ${leads}: move them to another stage before archiving it.`,
        );
      }
      fields.archivedAt = sql`now()`;
      summary.archived = [false, true];
    }
    if (patch.archived === false && before.archivedAt) {
      await this.assertNameFree(patch.name ?? before.name, id);
      fields.archivedAt = null;
      summary.archived = [true, false];
    }
    if (patch.isDefault && !before.isDefault) {
      if (archivedAfter) throw invalidField('isDefault', 'cannot be set on an archived stage', 'invalid');
      if (before.kind !== 'open') {
        throw invalidField('isDefault', `cannot be set on a ${before.kind} stage: new leads land in an open one`);
      }
      const previous = await this.stages.findDefault();
      await this.stages.clearDefault(id);
      fields.isDefault = true;
      summary.isDefault = [false, true];
      if (previous) summary.previousDefault = previous.name;
    }
    let moved = false;
    if (patch.position !== undefined && patch.position !== before.position) {
      const to = Math.min(patch.position, await this.stages.count());
      if (to !== before.position) {
        await this.stages.reposition(id, before.position, to);
        summary.position = [before.position, to];
        moved = true;
      }
    }
    if (Object.keys(fields).length === 0 && !moved) return toStageView(before);

    if (!(await this.stages.update(id, version, fields))) {
      const current = await this.stages.findById(id);
      if (!current) throw stageNotFound();
      throw staleVersion('stage', current.version);
    }
    this.activity.record({ entityType: 'lead_stage', entityId: id, action: 'update', summary });
    return toStageView(await this.load(id));
  }

  private async load(id: string): Promise<LeadStageRow> {
    const stage = await this.stages.findById(id.toLowerCase());
    if (!stage) throw stageNotFound();
    return stage;
  }

  private async assertNameFree(name: string, exceptId?: string): Promise<void> {
    const existing = await this.stages.findLiveByName(name, exceptId);
    if (existing) throw invalidField('name', `is already the name of another stage ("${existing.name}")`, 'taken');
  }
}

function stageNotFound(): NotFoundException {
  return new NotFoundException(problem(404, { detail: 'There is no such stage in this business.' }));
}
