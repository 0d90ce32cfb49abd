import { Injectable } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { type LeadStage, leadStages, leads } from '@ontrack/db/schema/leads';
import { and, asc, eq, getTableColumns, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { currentDb, currentSql } from '../../platform/db/current-transaction.js';

export type LeadStageRow = Omit<LeadStage, 'tenantId' | 'createdAt' | 'updatedAt'>;

const {
  tenantId: _tenantId,
  createdAt: _createdAt,
  updatedAt: _updatedAt,
  ...stageColumns
} = getTableColumns(leadStages);

/**
 * SQL of a business's pipeline stages. Every member may read them (the board's columns); only the pipeline
 * settings change them, serialised per tenant by `lockPipeline` so that two reorders cannot interleave.
 */
@Injectable()
export class LeadStagesRepository {
  async list(includeArchived: boolean): Promise<LeadStageRow[]> {
    return currentDb()
      .select(stageColumns)
      .from(leadStages)
      .where(includeArchived ? undefined : isNull(leadStages.archivedAt))
      .orderBy(asc(leadStages.position), asc(leadStages.id));
  }

  async findById(id: string): Promise<LeadStageRow | undefined> {
    const [row] = await currentDb().select(stageColumns).from(leadStages).where(eq(leadStages.id, id));
    return row;
  }

  /** Where new leads land: the one live default stage. */
  async findDefault(db: Database = currentDb()): Promise<LeadStageRow | undefined> {
    const [row] = await db
      .select(stageColumns)
      .from(leadStages)
      .where(and(eq(leadStages.isDefault, true), isNull(leadStages.archivedAt)));
    return row;
  }

  /** The stage a converted lead goes to: the first live `won` stage of the board. */
  async findFirstWon(): Promise<LeadStageRow | undefined> {
    const [row] = await currentDb()
      .select(stageColumns)
      .from(leadStages)
      .where(and(eq(leadStages.kind, 'won'), isNull(leadStages.archivedAt)))
      .orderBy(asc(leadStages.position), asc(leadStages.id))
      .limit(1);
    return row;
  }

  /** A live stage with this name, ignoring case (two columns called "New" would be a trap). */
  async findLiveByName(name: string, exceptId?: string): Promise<LeadStageRow | undefined> {
    const [row] = await currentDb()
      .select(stageColumns)
      .from(leadStages)
      .where(
        and(
          sql`lower(${leadStages.name}) = lower(${name})`,
          isNull(leadStages.archivedAt),
          exceptId ? ne(leadStages.id, exceptId) : undefined,
        ),
      );
    return row;
  }

  /** Live leads in a stage. Leads in the trash do not count: they are restored into a live stage. */
  async countLiveLeads(stageId: string): Promise<number> {
    const [row] = await currentDb()
      .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(leads)
      .where(and(eq(leads.stageId, stageId), isNull(leads.deletedAt)));
    return row?.n ?? 0;
  }

  async count(): Promise<number> {
    const [row] = await currentDb()
      .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(leadStages);
    return row?.n ?? 0;
  }

  /** Serialises changes to the pipeline's order and default until the request commits. */
  async lockPipeline(tenantId: string): Promise<void> {
    await currentSql()`select pg_advisory_xact_lock(hashtextextended(${`ontrack:lead-stages:${tenantId}`}, 0))`;
  }

  /** Inserts a stage at `position`, moving the stages from there on one place down (one statement each). */
  async insertAt(tenantId: string, stage: Pick<LeadStageRow, 'name' | 'kind' | 'position'>): Promise<string> {
    const id = newId();
    await currentDb()
      .update(leadStages)
      .set({ position: sql`${leadStages.position} + 1`, updatedAt: sql`now()` })
      .where(sql`${leadStages.position} >= ${stage.position}`);
    await currentDb()
      .insert(leadStages)
      .values({ tenantId, id, key: null, isDefault: false, ...stage });
    return id;
  }

  /**
   * Moves a stage from one position to another and shifts the stages in between by one, in one statement.
   * Positions are not unique in the schema, so no intermediate state can collide.
   */
  async reposition(id: string, from: number, to: number): Promise<void> {
    if (from === to) return;
    const shift: SQL =
      to < from
        ? sql`case when ${leadStages.id} = ${id} then ${to} else ${leadStages.position} + 1 end`
        : sql`case when ${leadStages.id} = ${id} then ${to} else ${leadStages.position} - 1 end`;
    const range =
      to < from
        ? sql`${leadStages.position} between ${to} and ${from}`
        : sql`${leadStages.position} between ${from} and ${to}`;
    await currentDb()
      .update(leadStages)
      .set({ position: shift, updatedAt: sql`now()` })
      .where(sql`(${range} or ${leadStages.id} = ${id})`);
  }

  /**
   * Changes a stage if it is still at `version`; false otherwise. Always bumps the version, also when only
   * the position moved (a reorder is a change of the stage).
   */
  async update(
    id: string,
    version: number,
    fields: Partial<Pick<LeadStage, 'name' | 'isDefault'>> & { archivedAt?: SQL | null },
  ): Promise<boolean> {
    const updated = await currentDb()
      .update(leadStages)
      .set({ ...fields, version: sql`${leadStages.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(leadStages.id, id), eq(leadStages.version, version)))
      .returning({ id: leadStages.id });
    return updated.length > 0;
  }

  /**
   * Takes the default away from the current default stage, before another becomes it: the partial unique
   * index (one live default) is checked row by row, so this cannot be the same statement.
   */
  async clearDefault(exceptId: string): Promise<void> {
    await currentDb()
      .update(leadStages)
      .set({ isDefault: false, version: sql`${leadStages.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(leadStages.isDefault, true), ne(leadStages.id, exceptId)));
  }
}
