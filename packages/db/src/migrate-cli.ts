import { readScriptEnv } from './env.js';
import { migrateDatabase } from './migrate.js';

try {
  const env = readScriptEnv();
  await migrateDatabase(env.DATABASE_URL, env.APP_DATABASE_PASSWORD);
  console.log('database migrated; role ontrack_app is up to date');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
