import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { type ActivityExecutor, canonicalJson, readChainHead } from './activity-chain.js';
import { activityCheckpoints } from './schema/activity.js';

/** Version tag leading every checkpoint payload, so a signature can never be replayed as another message. */
export const CHECKPOINT_PAYLOAD_FORMAT = 'ontrack.activity_checkpoint.v1';

/** The server's Ed25519 key that signs checkpoints (AUDIT_SIGNING_KEY); the database never sees it. */
export interface SigningKey {
  /** First 16 hex digits of the SHA-256 of the public key's SPKI DER: stored with each checkpoint. */
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface CheckpointFields {
  tenantId: string;
  period: string;
  seq: number;
  hash: string;
}

/** Identifies a public key: first 16 hex of SHA-256 over its SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Loads the checkpoint signing key from a PKCS#8 PEM string (the value of AUDIT_SIGNING_KEY). Literal
 * `\n` sequences are accepted as line breaks, since .env files and secret stores often keep PEM on one line.
 * Error messages never echo the value: it is a secret.
 */
export function loadSigningKey(source: string): SigningKey {
  const pem = source.replaceAll('\\n', '\n').trim();
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error('AUDIT_SIGNING_KEY is not a PKCS#8 PEM private key');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`AUDIT_SIGNING_KEY must be an Ed25519 key, not ${privateKey.asymmetricKeyType ?? 'unknown'}`);
  }
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}

/** Loads a public key (SPKI PEM), e.g. one retired from signing that still verifies old checkpoints. */
export function loadPublicKey(source: string): { keyId: string; publicKey: KeyObject } {
  const publicKey = createPublicKey({ key: source.replaceAll('\\n', '\n').trim(), format: 'pem' });
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('checkpoint keys are Ed25519 keys');
  return { keyId: keyIdOf(publicKey), publicKey };
}

/** A fresh key for development and tests; `privateKeyPem` is what AUDIT_SIGNING_KEY would hold. */
export function generateSigningKey(): SigningKey & { privateKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { keyId: keyIdOf(publicKey), privateKey, publicKey, privateKeyPem };
}

/**
 * The exact UTF-8 text a checkpoint signature covers: the RFC 8785 (JCS) serialization of
 * `["ontrack.activity_checkpoint.v1", tenant_id, period, seq, hash]` (tenant_id a lowercase UUID, seq a
 * JSON integer, hash lowercase hex). The tenant and period are signed too, so a checkpoint cannot be
 * copied to another tenant or period.
 */
export function checkpointPayload(fields: CheckpointFields): string {
  return canonicalJson([
    CHECKPOINT_PAYLOAD_FORMAT,
    fields.tenantId.toLowerCase(),
    fields.period,
    fields.seq,
    fields.hash,
  ]);
}

/** Ed25519 signature of `payload`, base64. */
export function signCheckpoint(
  privateKey: KeyObject,
  keyId: string,
  payload: string,
): { keyId: string; signature: string } {
  return { keyId, signature: sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64') };
}

/** Whether `signature` (base64) is a valid Ed25519 signature of `payload`; false, not an error, if malformed. */
export function verifyCheckpoint(publicKey: KeyObject, payload: string, signature: string): boolean {
  if (!/^[A-Za-z0-9+/]{86}==$/.test(signature)) return false; // 64 bytes; Node's decoder would skip junk
  try {
    return verify(null, Buffer.from(payload, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** The period a checkpoint taken at `at` belongs to: its UTC hour, e.g. `2026-11-24T01`. */
export function checkpointPeriod(at: Date = new Date()): string {
  return at.toISOString().slice(0, 13);
}

/**
 * Signs the tenant's current head as the checkpoint of `period`, inside the caller's transaction (tenant
 * context applied). A period is signed at most once (`on conflict do nothing`): returns whether a row was
 * written. A tenant without entries gets no checkpoint.
 *
 * No advisory lock is needed: appenders commit whole batches, one holder of the chain lock at a time, so
 * any snapshot sees a prefix of the chain, and its head stays a true statement about the chain forever.
 */
export async function writeCheckpoint(
  tx: ActivityExecutor,
  tenantId: string,
  period: string,
  key: SigningKey,
): Promise<boolean> {
  if (period.length === 0) throw new Error('writeCheckpoint: period is empty');
  const head = await readChainHead(tx, tenantId);
  if (head.seq === 0) return false;
  const fields = { tenantId: tenantId.toLowerCase(), period, seq: head.seq, hash: head.hash };
  const { keyId, signature } = signCheckpoint(key.privateKey, key.keyId, checkpointPayload(fields));
  const inserted = await tx
    .insert(activityCheckpoints)
    .values({ ...fields, keyId, signature, signedAt: new Date() })
    .onConflictDoNothing({ target: [activityCheckpoints.tenantId, activityCheckpoints.period] })
    .returning({ period: activityCheckpoints.period });
  return inserted.length > 0;
}
