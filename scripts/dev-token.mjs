// `npm run auth:dev-token -- <email>`: builds the API if needed (build output goes to stderr, so the token
// alone is on stdout: TOKEN=$(npm run -s auth:dev-token -- admin@demo.test)), then prints an access token
// (see apps/api/src/cli/dev-token.ts).
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const build = spawnSync('turbo', ['run', 'build', '--filter=@ontrack/api', '--output-logs=errors-only'], {
  cwd: root,
  stdio: ['ignore', process.stderr, process.stderr],
});
if (build.status !== 0) process.exit(build.status ?? 1);
const token = spawnSync(process.execPath, ['apps/api/dist/cli/dev-token.js', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(token.status ?? 1);
