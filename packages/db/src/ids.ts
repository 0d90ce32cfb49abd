import { createHash, randomBytes } from 'node:crypto';

/** A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Time-ordered, so B-tree friendly. */
export function newId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70; // version 7
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // variant 10
  return formatUuid(bytes);
}

/**
 * A UUIDv5 (SHA-1, RFC 9562) of `name` within `namespace`: the same inputs always give the same id.
 * Used for rows that must keep one id across re-runs, such as each tenant's default roles.
 */
export function stableId(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name)
    .digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return formatUuid(bytes.subarray(0, 16));
}

/**
 * A UUIDv8 (RFC 9562, custom) from SHA-256 of `namespace` (a uuid) and `name`: like stableId, but computable
 * in plain SQL, where sha256() is built in and SHA-1 would need pgcrypto. For rows a migration creates that
 * the app must find by the same id (each tenant's default lead stages). The SQL twin is
 * `derivedIdSql` below; test/lead-stages.spec.ts checks that both agree.
 */
export function derivedId(namespace: string, name: string): string {
  const bytes = createHash('sha256')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name)
    .digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80; // version 8
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return formatUuid(bytes.subarray(0, 16));
}

/** derivedId in SQL, for SQL expressions `namespaceUuid` (a uuid) and `nameText` (text). */
export function derivedIdSql(namespaceUuid: string, nameText: string): string {
  const digest = `sha256(decode(replace(${namespaceUuid}::text, '-', ''), 'hex') || convert_to(${nameText}, 'UTF8'))`;
  return `encode(set_byte(set_byte(substring(${digest} from 1 for 16), 6, (get_byte(${digest}, 6) & 15) | 128), 8, (get_byte(${digest}, 8) & 63) | 128), 'hex')::uuid`;
}

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
