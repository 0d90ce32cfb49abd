import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalEntry, canonicalJson, GENESIS_HASH, type HashedActivityFields, hashEntry } from './activity-chain.js';
import {
  checkpointPayload,
  checkpointPeriod,
  generateSigningKey,
  loadPublicKey,
  loadSigningKey,
  signCheckpoint,
  verifyCheckpoint,
} from './activity-checkpoints.js';

const entry: HashedActivityFields = {
  tenantId: '01970000-0000-7000-8000-000000000001',
  seq: 7,
  id: '01970000-0000-7000-8000-00000000a001',
  occurredAt: new Date('2026-11-24T01:02:03.045Z'),
  actorType: 'user',
  actorUserId: '01970000-0000-7000-8000-000000000101',
  actorLabel: 'admin@demo.test',
  entityType: 'invoice',
  entityId: 'inv-1',
  action: 'update',
  summary: { total: [100, 120], customer: { name: 'Ann', id: 3 } },
  sensitiveRead: false,
  requestId: 'req-1',
  ip: '10.0.0.1',
  userAgent: 'curl/8',
  prevHash: 'ab'.repeat(32),
};

describe('canonicalJson (RFC 8785)', () => {
  it('sorts object keys recursively, keeps array order and writes numbers as ECMAScript does', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: null }], a: 'é\n', c: true })).toBe(
      '{"a":"é\\n","b":[3,{"a":null,"z":1}],"c":true}',
    );
    // Test vectors of RFC 8785 §3.2.2.3 (number serialization) and its key order by UTF-16 code units.
    expect(canonicalJson([1e21, 1e-7, -0, 0.000001, 333333333.3333333, 9007199254740992])).toBe(
      '[1e+21,1e-7,0,0.000001,333333333.3333333,9007199254740992]',
    );
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '1': 4, '\u00f6': 5 })).toBe(
      '{"\\r":2,"1":4,"ö":5,"€":1,"😀":3}',
    );
  });

  it('refuses values without a single JSON form', () => {
    for (const value of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      undefined,
      1n,
      new Date(0),
      { a: undefined },
      'x\ud800',
    ]) {
      expect(() => canonicalJson(value), String(value)).toThrow(TypeError);
    }
  });
});

describe('canonicalEntry', () => {
  it('is the JCS array documented for verifiers in other languages', () => {
    expect(canonicalEntry(entry)).toBe(
      '["ontrack.activity_log.v1","01970000-0000-7000-8000-000000000001",7,"01970000-0000-7000-8000-00000000a001",' +
        '"2026-11-24T01:02:03.045Z","user","01970000-0000-7000-8000-000000000101","admin@demo.test","invoice",' +
        '"inv-1","update",{"customer":{"id":3,"name":"Ann"},"total":[100,120]},false,"req-1","10.0.0.1","curl/8",' +
        `"${'ab'.repeat(32)}"]`,
    );
    expect(hashEntry(entry)).toBe(createHash('sha256').update(canonicalEntry(entry)).digest('hex'));
    expect(hashEntry(entry)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the key order of the summary, at any depth', () => {
    const reordered = { ...entry, summary: { customer: { id: 3, name: 'Ann' }, total: [100, 120] } };
    expect(Object.keys(reordered.summary)).not.toEqual(Object.keys(entry.summary));
    expect(canonicalEntry(reordered)).toBe(canonicalEntry(entry));
    expect(hashEntry(reordered)).toBe(hashEntry(entry));
  });

  it('writes absent values as null and uuids in lowercase, as PostgreSQL returns them', () => {
    const upper = { ...entry, id: entry.id.toUpperCase(), tenantId: entry.tenantId.toUpperCase() };
    expect(hashEntry(upper)).toBe(hashEntry(entry));
    const bare = { ...entry, actorUserId: null, entityId: null, requestId: null, ip: null, userAgent: null };
    expect(canonicalEntry(bare)).toContain(',null,"update",');
    expect(canonicalEntry(bare)).toContain('false,null,null,null,');
  });

  // Iterates over the fixture's keys, and the fixture is typed as every stored column but `hash`: a column
  // added to activity_log and forgotten in canonicalEntry makes this test fail.
  it.each(Object.keys(entry) as (keyof HashedActivityFields)[])('changes the hash when %s changes', (field) => {
    const changed = { ...entry, [field]: mutate(entry[field]) } as HashedActivityFields;
    expect(hashEntry(changed)).not.toBe(hashEntry(entry));
  });

  it('starts every chain from 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});

function mutate(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime() + 1);
  if (value === null) return 'x';
  switch (typeof value) {
    case 'number':
      return value + 1;
    case 'boolean':
      return !value;
    case 'string':
      // Keeps enum values valid where it matters little; the hash only sees the text.
      return value === 'user' ? 'system' : `${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}`;
    default:
      return { ...(value as object), added: 1 };
  }
}

describe('checkpoint signatures', () => {
  const key = generateSigningKey();
  const fields = { tenantId: entry.tenantId, period: '2026-11-24T01', seq: 42, hash: 'cd'.repeat(32) };

  it('verify with the signing key', () => {
    const payload = checkpointPayload(fields);
    expect(payload).toBe(
      `["ontrack.activity_checkpoint.v1","${fields.tenantId}","2026-11-24T01",42,"${'cd'.repeat(32)}"]`,
    );
    const { keyId, signature } = signCheckpoint(key.privateKey, key.keyId, payload);
    expect(keyId).toBe(key.keyId);
    expect(verifyCheckpoint(key.publicKey, payload, signature)).toBe(true);
  });

  it.each([
    ['tenant', { tenantId: '01970000-0000-7000-8000-000000000002' }],
    ['period', { period: '2026-11-24T02' }],
    ['seq', { seq: 41 }],
    ['hash', { hash: 'ce'.repeat(32) }],
  ])('fail for a payload with another %s', (_, change) => {
    const { signature } = signCheckpoint(key.privateKey, key.keyId, checkpointPayload(fields));
    expect(verifyCheckpoint(key.publicKey, checkpointPayload({ ...fields, ...change }), signature)).toBe(false);
  });

  it('fail with another key, and for a malformed signature without throwing', () => {
    const payload = checkpointPayload(fields);
    const { signature } = signCheckpoint(key.privateKey, key.keyId, payload);
    expect(verifyCheckpoint(generateSigningKey().publicKey, payload, signature)).toBe(false);
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    expect(verifyCheckpoint(key.publicKey, payload, flipped)).toBe(false);
    expect(verifyCheckpoint(key.publicKey, payload, `${signature}!!`)).toBe(false);
    expect(verifyCheckpoint(key.publicKey, payload, '')).toBe(false);
  });
});

describe('signing keys', () => {
  it('load from PKCS#8 PEM, also with escaped line breaks, and keep their key id', () => {
    const generated = generateSigningKey();
    const oneLine = generated.privateKeyPem.trim().replaceAll('\n', '\\n');
    for (const source of [generated.privateKeyPem, oneLine]) {
      const loaded = loadSigningKey(source);
      expect(loaded.keyId).toBe(generated.keyId);
      expect(loaded.keyId).toMatch(/^[0-9a-f]{16}$/);
      const { signature } = signCheckpoint(loaded.privateKey, loaded.keyId, 'payload');
      expect(verifyCheckpoint(generated.publicKey, 'payload', signature)).toBe(true);
    }
    const publicPem = generated.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(loadPublicKey(publicPem).keyId).toBe(generated.keyId);
    expect(generateSigningKey().keyId).not.toBe(generated.keyId);
  });

  it('refuse other key types and garbage without echoing the secret', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => loadSigningKey(ec.toString())).toThrow(/must be an Ed25519 key, not ec/);
    expect(() => loadSigningKey('s3cret-not-a-key')).toThrow(/^AUDIT_SIGNING_KEY is not a PKCS#8 PEM private key$/);
  });
});

describe('checkpointPeriod', () => {
  it('is the UTC hour', () => {
    expect(checkpointPeriod(new Date('2026-11-24T01:59:59.999-03:00'))).toBe('2026-11-24T04');
  });
});
