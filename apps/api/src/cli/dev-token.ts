import { existsSync, readFileSync } from 'node:fs';
import { appRoleUrl, DEV_APP_PASSWORD } from '@ontrack/db/app-role';
import postgres from 'postgres';
import { AccessTokens } from '../platform/auth/access-token.js';
import { loadConfig } from '../platform/config/load-config.js';

/**
 * Prints a 15-minute access token for a user, until sign-in (magic links, OAuth) arrives:
 *   npm run auth:dev-token -- admin@demo.test
 * then: curl -H "Authorization: Bearer <token>" -H "X-Tenant-ID: demo" http://localhost:3000/api/v1/tenant
 * It signs with the key the API uses: AUTH_JWT_SECRET, else the one `npm start` keeps in .data/secrets.json,
 * else the development default. It looks the user up through the app role in a named system context.
 */
const email = process.argv[2]?.toLowerCase();
if (!email) {
  console.error('usage: npm run auth:dev-token -- <email>   (seeded users: admin@demo.test, office@demo.test, …)');
  process.exit(64);
}

const root = new URL('../../../../', import.meta.url).pathname;
const secretsFile = `${root}.data/secrets.json`;
const stored = existsSync(secretsFile) ? (JSON.parse(readFileSync(secretsFile, 'utf8')) as Record<string, string>) : {};
const embeddedOwner = `postgres://postgres:ontrack-embedded@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54329}/ontrack`;
const databaseUrl =
  process.env.APP_DATABASE_URL ??
  appRoleUrl(process.env.DATABASE_URL ?? embeddedOwner, process.env.APP_DATABASE_PASSWORD ?? DEV_APP_PASSWORD);

const config = loadConfig({
  NODE_ENV: 'development',
  APP_DATABASE_URL: databaseUrl,
  AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET ?? stored.AUTH_JWT_SECRET,
});
const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
try {
  const [user] = await sql.begin(async (tx) => {
    await tx`select set_config('app.context', 'system:dev-token', true)`;
    return tx<{ id: string }[]>`select id from users where email = ${email}`;
  });
  if (!user) {
    console.error(`no user with email ${email}`);
    process.exitCode = 1;
  } else {
    console.log(await new AccessTokens(config).sign({ sub: user.id }));
  }
} finally {
  await sql.end();
}
