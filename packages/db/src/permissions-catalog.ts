import { PERMISSIONS } from '@ontrack/schemas/permissions';
import type postgres from 'postgres';

/**
 * Makes the `permissions` table equal to the catalogue in @ontrack/schemas/permissions: new keys are added,
 * descriptions updated, keys that no longer exist removed (their role grants go with them, by cascade).
 */
export async function syncPermissionCatalog(sql: postgres.Sql): Promise<void> {
  const rows = Object.entries(PERMISSIONS).map(([key, description]) => ({ key, description }));
  await sql.begin(async (tx) => {
    await tx`
      insert into permissions ${tx(rows, 'key', 'description')}
      on conflict (key) do update set description = excluded.description`;
    await tx`delete from permissions where key <> all(${rows.map((row) => row.key)}::text[])`;
  });
}
