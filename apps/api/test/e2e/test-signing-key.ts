import { createPrivateKey } from 'node:crypto';

/**
 * One fixed Ed25519 key for every spec that signs checkpoints: test files run in parallel on one database,
 * and a checkpoint one of them signs must verify in the others. Test-only: derived from a constant seed.
 */
export const TEST_SIGNING_KEY_PEM = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, 7)]),
  format: 'der',
  type: 'pkcs8',
})
  .export({ type: 'pkcs8', format: 'pem' })
  .toString();
