import { readScriptEnv } from './env.js';
import { seedDatabase } from './seed.js';

try {
  const env = readScriptEnv();
  const counts = await seedDatabase(env.DATABASE_URL);
  console.log(`demo data loaded: ${counts.tenants} tenants, ${counts.users} users`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
