import { existsSync, readFileSync } from 'node:fs';
import { appRoleUrl, DEV_APP_PASSWORD } from '@ontrack/db/app-role';
import { newId } from '@ontrack/db/ids';
import postgres from 'postgres';
import { AccessTokens } from '../platform/auth/access-token.js';
import { loadConfig } from '../platform/config/load-config.js';

/**
 * An operator's shortcut to a 15-minute access token for a user, for trying the API with curl:
 *   npm run auth:dev-token -- admin@demo.test
 * then: curl -H "Authorization: Bearer <token>" -H "X-Tenant-ID: demo" http://localhost:3000/api/v1/tenant
 * It opens a real session (method `dev_token`, listed in the user's devices, revocable, ending within a day)
 * and signs with the key the API uses: AUTH_JWT_SECRET, else the one `npm start` keeps in .data/secrets.json,
 * else the development default. Whoever can run it holds the database credentials and the signing key, so
 * it grants nothing they could not take anyway; the second factor is counted as given for that reason.
 * People sign in through the web app or the magic-link API (docs/authentication.md).
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
  const sessionId = newId();
  const [user] = await sql.begin(async (tx) => {
    await tx`select set_config('app.context', 'system:dev-token', true)`;
    const [found] = await tx<{ id: string }[]>`select id from users where email = ${email}`;
    if (found) {
      await tx`
        insert into sessions (id, user_id, auth_methods, mfa_verified_at, user_agent, idle_expires_at, absolute_expires_at)
        values (${sessionId}, ${found.id}, '{dev_token}', now(), 'npm run auth:dev-token',
                now() + interval '1 day', now() + interval '1 day')`;
    }
    return found ? [found] : [];
  });
  if (!user) {
    console.error(`no user with email ${email}`);
    process.exitCode = 1;
  } else {
    console.log(await new AccessTokens(config).sign({ sub: user.id, sid: sessionId }));
  }
} finally {
  await sql.end();
}
