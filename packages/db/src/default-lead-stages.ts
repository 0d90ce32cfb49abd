import { DEFAULT_LEAD_STAGES } from '@ontrack/schemas/crm-constants';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { derivedId } from './ids.js';
import { leadStages } from './schema/leads.js';

type Executor = PgDatabase<PgQueryResultHKT>;

/**
 * The id of a tenant's default lead stage (`new`, `won`, …): derived from the tenant and the key, the same
 * in TypeScript and in SQL (migration 0013 gave existing tenants their stages with these ids).
 */
export function defaultLeadStageId(tenantId: string, key: string): string {
  return derivedId(tenantId, `lead-stage:${key}`);
}

/**
 * Gives a new tenant the default pipeline (New … Won, Lost) in its language. Unlike default roles, stages
 * belong to the business once created: a stage that exists (renamed, moved, archived) is left alone, so
 * running this again changes nothing. Runs inside the tenant's context.
 */
export async function provisionDefaultLeadStages(tx: Executor, tenantId: string, locale = 'en'): Promise<void> {
  const language = locale.startsWith('es') ? 'es' : 'en';
  await tx
    .insert(leadStages)
    .values(
      DEFAULT_LEAD_STAGES.map((stage, index) => ({
        tenantId,
        id: defaultLeadStageId(tenantId, stage.key),
        key: stage.key,
        name: stage.name[language],
        position: index + 1,
        kind: stage.kind,
        isDefault: index === 0,
      })),
    )
    .onConflictDoNothing();
}
