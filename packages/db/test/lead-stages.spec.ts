import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LEAD_STAGES } from '@ontrack/schemas/crm-constants';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../src/client.js';
import { defaultLeadStageId, provisionDefaultLeadStages } from '../src/default-lead-stages.js';
import { derivedId, derivedIdSql, newId } from '../src/ids.js';
import { applySessionContext } from '../src/session-context.js';

const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
afterAll(() => owner.end());

async function stagesOf(tenantId: string) {
  return owner<{ id: string; key: string; name: string; position: number; kind: string; isDefault: boolean }[]>`
    select id, key, name, position, kind::text, is_default as "isDefault" from lead_stages
    where tenant_id = ${tenantId} order by position`;
}

async function newTenant(locale = 'en'): Promise<string> {
  const id = newId();
  await owner`insert into tenants (id, slug, name, locale) values (${id}, ${`stages-${id}`}, 'Stages', ${locale})`;
  return id;
}

async function provision(tenantId: string, locale?: string): Promise<void> {
  const handle = createDatabase(inject('ownerDatabaseUrl'), { max: 1 });
  try {
    await handle.db.transaction(async (tx) => {
      await applySessionContext(tx, { tenantId, system: 'test' });
      await provisionDefaultLeadStages(tx, tenantId, locale);
    });
  } finally {
    await handle.close();
  }
}

describe('default lead stages', () => {
  it('gives a new tenant the six default stages, in order, with derived ids and one default', async () => {
    const tenantId = await newTenant();
    await provision(tenantId);
    expect(await stagesOf(tenantId)).toEqual(
      DEFAULT_LEAD_STAGES.map((stage, index) => ({
        id: defaultLeadStageId(tenantId, stage.key),
        key: stage.key,
        name: stage.name.en,
        position: index + 1,
        kind: stage.kind,
        isDefault: index === 0,
      })),
    );
    expect((await stagesOf(tenantId)).map((stage) => stage.name)).toEqual([
      'New',
      'Contacted',
      'Site visit scheduled',
      'Estimate sent',
      'Won',
      'Lost',
    ]);
  });

  it('names them in the business language and leaves an admin’s changes alone when run again', async () => {
    const tenantId = await newTenant('es');
    await provision(tenantId, 'es');
    await owner`update lead_stages set name = 'Primer contacto' where tenant_id = ${tenantId} and key = 'new'`;
    await provision(tenantId, 'es');
    const stages = await stagesOf(tenantId);
    expect(stages.map((stage) => stage.name)).toEqual([
      'Primer contacto',
      'Contactado',
      'Visita programada',
      'Presupuesto enviado',
      'Ganado',
      'Perdido',
    ]);
  });

  it('migration 0013 gives existing tenants the same stages, with the same ids, in their language', async () => {
    const migration = readFileSync(
      fileURLToPath(new URL('../migrations/0013_contacts_search_and_stages.sql', import.meta.url)),
      'utf8',
    );
    const backfill = migration
      .split('--> statement-breakpoint')
      .find((part) => part.includes('INSERT INTO lead_stages'));
    expect(backfill).toBeDefined();
    const tenantId = newId();
    const stages = await owner
      .begin(async (tx) => {
        await tx`insert into tenants (id, slug, name, locale) values (${tenantId}, ${`mig-${tenantId}`}, 'Mig', 'es')`;
        await tx.unsafe(backfill as string);
        const rows = await tx`select id, key, name from lead_stages where tenant_id = ${tenantId} order by position`;
        throw Object.assign(new Error('rollback'), { rows });
      })
      .catch((error: { rows?: { id: string; key: string; name: string }[] }) => error.rows);
    expect(stages).toEqual(
      DEFAULT_LEAD_STAGES.map((stage) => ({
        id: defaultLeadStageId(tenantId, stage.key),
        key: stage.key,
        name: stage.name.es,
      })),
    );
  });

  it('derives the same ids in SQL as in TypeScript', async () => {
    const namespace = newId();
    const [row] = await owner.unsafe(`select ${derivedIdSql('$1::uuid', '$2::text')} as id`, [
      namespace,
      'lead-stage:new',
    ]);
    expect(row?.id).toBe(derivedId(namespace, 'lead-stage:new'));
    expect(derivedId(namespace, 'lead-stage:new')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
