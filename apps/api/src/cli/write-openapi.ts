import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../platform/config/load-config.js';
import { buildOpenApiDocument } from '../platform/openapi/openapi.js';

/**
 * Writes the OpenAPI document to the path given (default apps/api/openapi.json) without serving anything.
 * The app is built but never listens, and postgres.js / ioredis connect lazily, so no database is needed.
 * Run through `npm run generate`, which also regenerates packages/sdk from the result.
 */
const output = resolve(process.argv[2] ?? new URL('../../openapi.json', import.meta.url).pathname);
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  RUN_WORKERS: 'false',
  APP_DATABASE_URL: 'postgres://ontrack_app@127.0.0.1:1/openapi-only',
});
const app = await createApp(config);
try {
  const document = buildOpenApiDocument(app);
  await writeFile(output, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`wrote ${output}`);
} finally {
  await app.close();
}
