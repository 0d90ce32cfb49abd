import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STATIC_DIR = fileURLToPath(new URL('../storybook-static', import.meta.url));

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/**
 * Serves the static Storybook build on a free port for the run and hands the address to the tests through
 * STORYBOOK_URL (workers inherit the environment). Set STORYBOOK_URL yourself to test a running
 * `storybook dev` instead.
 */
export default async function serveStorybook(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.STORYBOOK_URL) return undefined;
  if (!existsSync(join(STATIC_DIR, 'index.json'))) {
    throw new Error(
      `No Storybook build in ${STATIC_DIR}: run \`pnpm --filter @ontrack/ui run build-storybook\` first.`,
    );
  }
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(STATIC_DIR, path === '/' ? 'index.html' : path));
    if (!file.startsWith(STATIC_DIR) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.STORYBOOK_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return () => new Promise((resolve) => server.close(() => resolve()));
}
