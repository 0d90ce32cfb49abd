import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { ensureAppRole, grantAppRole } from './app-role.js';
import { createDatabase } from './client.js';
import { forceRowLevelSecurity } from './hardening.js';
import { syncPermissionCatalog } from './permissions-catalog.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Applies every pending migration as the owner (`ownerUrl`), then the declarative parts that drizzle-kit
 * cannot express: FORCE ROW LEVEL SECURITY, the permission catalogue, the app role and its grants.
 * Idempotent: running it on an up-to-date database changes nothing.
 */
export async function migrateDatabase(ownerUrl: string, appPassword: string): Promise<void> {
  const { db, sql, close } = createDatabase(ownerUrl, { max: 1, applicationName: 'ontrack-migrate' });
  try {
    await ensureAppRole(sql, appPassword);
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER, migrationsSchema: 'drizzle' });
    await forceRowLevelSecurity(sql);
    await syncPermissionCatalog(sql);
    await grantAppRole(sql);
  } finally {
    await close();
  }
}
