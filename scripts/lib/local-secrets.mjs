// Secrets of a local `npm start` (no environment given): generated on first start and kept in
// .data/secrets.json (mode 0600) so sessions and signed audit checkpoints survive restarts.
// Production passes AUTH_JWT_SECRET, AUTH_ENCRYPTION_KEY and AUDIT_SIGNING_KEY in the environment instead.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function localSecrets(file) {
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets = {
    AUTH_JWT_SECRET: stored.AUTH_JWT_SECRET ?? randomBytes(48).toString('base64url'),
    AUTH_ENCRYPTION_KEY: stored.AUTH_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
    AUDIT_SIGNING_KEY:
      stored.AUDIT_SIGNING_KEY ??
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  if (JSON.stringify(secrets) !== JSON.stringify(stored)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets;
}
