import type { KeyObject } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type ActivityExecutor, type ChainHead, GENESIS_HASH, hashEntry, readChainBatch } from './activity-chain.js';
import { checkpointPayload, verifyCheckpoint } from './activity-checkpoints.js';
import { type ActivityRow, activityCheckpoints } from './schema/activity.js';

export type ChainBreakReason =
  /** An entry is missing: the next row has a higher seq than expected. */
  | 'seq_gap'
  /** A row with a seq below 1, which no chain position has. */
  | 'seq_invalid'
  /** The entry's prev_hash is not the previous entry's hash (rows reordered, replaced or inserted). */
  | 'prev_hash_mismatch'
  /** The entry's content does not hash to its stored hash (edited). */
  | 'hash_mismatch'
  /** A signed checkpoint names a hash that the chain at that seq does not have (chain rewritten). */
  | 'checkpoint_mismatch'
  /** A checkpoint's signature does not verify with the public key of its key id (forged or edited). */
  | 'checkpoint_signature_invalid'
  /** A checkpoint names a key id for which no public key was given. */
  | 'checkpoint_key_unknown'
  /** A checkpoint covers entries beyond the chain's head (the tail was deleted). */
  | 'chain_truncated';

export interface ChainBreak {
  /** The first position of the chain whose entry is wrong or missing. */
  seq: number;
  /** The id of the row stored at `seq`, or null when there is none. */
  id: string | null;
  reason: ChainBreakReason;
  expected: string;
  actual: string;
  /** The checkpoint involved, for the checkpoint_* and chain_truncated reasons. */
  period?: string;
}

interface VerifySummary {
  /** Rows that verified before the walk stopped (all of them when ok). */
  rows: number;
  /** Checkpoints checked. */
  checkpoints: number;
  /** False when no public keys were given: checkpoints were compared with the chain, signatures not checked. */
  signaturesChecked: boolean;
}

export type VerifyChainResult =
  | ({ ok: true; head: ChainHead } & VerifySummary)
  | ({ ok: false; brokenAt: ChainBreak } & VerifySummary);

export interface VerifyChainOptions {
  /** Rows (and checkpoints) read per query; memory stays constant whatever the chain's length. */
  batchSize?: number;
  /** Public keys by key id (several while keys rotate). Omitted: signatures are not checked. */
  publicKeys?: ReadonlyMap<string, KeyObject>;
}

type CheckpointRow = typeof activityCheckpoints.$inferSelect;

/**
 * Walks the tenant's chain in seq order and reports the FIRST broken link: seq continuity from 1,
 * prev_hash links, each entry's hash, then every signed checkpoint against the chain at its seq.
 *
 * Run it in the tenant's context (RLS: another context sees an empty chain) and, for a consistent answer
 * while others append, in a REPEATABLE READ transaction: at READ COMMITTED a checkpoint written during the
 * walk could name a seq that the walk's earlier snapshots did not see, and look like a truncation.
 */
export async function verifyChain(
  tx: ActivityExecutor,
  tenantId: string,
  options: VerifyChainOptions = {},
): Promise<VerifyChainResult> {
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('verifyChain: batchSize must be >= 1');
  const { publicKeys } = options;
  const summary: VerifySummary = { rows: 0, checkpoints: 0, signaturesChecked: publicKeys !== undefined };
  const broken = (brokenAt: ChainBreak): VerifyChainResult => ({ ok: false, brokenAt, ...summary });

  const checkpoints = checkpointsInSeqOrder(tx, tenantId, batchSize)[Symbol.asyncIterator]();
  let checkpoint = await checkpoints.next();
  let head: ChainHead = { seq: 0, hash: GENESIS_HASH };

  for await (const row of rowsInSeqOrder(tx, tenantId, batchSize)) {
    const expectedSeq = head.seq + 1;
    if (row.seq !== expectedSeq) {
      return broken({
        seq: expectedSeq,
        id: null,
        reason: row.seq > expectedSeq ? 'seq_gap' : 'seq_invalid',
        expected: `seq ${expectedSeq}`,
        actual: `seq ${row.seq} (id ${row.id})`,
      });
    }
    if (row.prevHash !== head.hash) {
      return broken({
        seq: row.seq,
        id: row.id,
        reason: 'prev_hash_mismatch',
        expected: head.hash,
        actual: row.prevHash,
      });
    }
    const hash = hashEntry(row);
    if (hash !== row.hash) {
      return broken({ seq: row.seq, id: row.id, reason: 'hash_mismatch', expected: hash, actual: row.hash });
    }
    head = { seq: row.seq, hash: row.hash };
    summary.rows += 1;

    while (!checkpoint.done && checkpoint.value.seq <= row.seq) {
      const problem = checkCheckpoint(checkpoint.value, row, publicKeys);
      if (problem) return broken(problem);
      summary.checkpoints += 1;
      checkpoint = await checkpoints.next();
    }
  }

  if (!checkpoint.done) {
    // The walk ended below a checkpoint's seq: entries that were signed are gone.
    const problem = checkCheckpoint(checkpoint.value, undefined, publicKeys);
    return broken(
      problem ?? {
        seq: head.seq + 1,
        id: null,
        reason: 'chain_truncated',
        expected: `entries up to seq ${checkpoint.value.seq} (checkpoint ${checkpoint.value.period})`,
        actual: `head at seq ${head.seq}`,
        period: checkpoint.value.period,
      },
    );
  }
  return { ok: true, head, ...summary };
}

/**
 * The checkpoint's signature (when keys are given) and, when the chain reaches its seq, its agreement with
 * the entry there. `entry` is undefined when the checkpoint lies beyond the head (the caller reports that).
 */
function checkCheckpoint(
  checkpoint: CheckpointRow,
  entry: ActivityRow | undefined,
  publicKeys: ReadonlyMap<string, KeyObject> | undefined,
): ChainBreak | null {
  const at = { seq: checkpoint.seq, id: entry?.id ?? null, period: checkpoint.period };
  if (publicKeys) {
    const publicKey = publicKeys.get(checkpoint.keyId);
    if (!publicKey) {
      return {
        ...at,
        reason: 'checkpoint_key_unknown',
        expected: [...publicKeys.keys()].join(', '),
        actual: checkpoint.keyId,
      };
    }
    if (!verifyCheckpoint(publicKey, checkpointPayload(checkpoint), checkpoint.signature)) {
      return {
        ...at,
        reason: 'checkpoint_signature_invalid',
        expected: `a signature by key ${checkpoint.keyId}`,
        actual: checkpoint.signature,
      };
    }
  }
  if (entry && (entry.seq !== checkpoint.seq || entry.hash !== checkpoint.hash)) {
    return {
      ...at,
      reason: 'checkpoint_mismatch',
      expected: checkpoint.hash,
      actual: entry.seq === checkpoint.seq ? entry.hash : `no entry at seq ${checkpoint.seq}`,
    };
  }
  return null;
}

async function* rowsInSeqOrder(tx: ActivityExecutor, tenantId: string, batchSize: number) {
  let after: number | undefined;
  for (;;) {
    const batch = await readChainBatch(tx, tenantId, after, batchSize);
    yield* batch;
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    after = last.seq;
  }
}

async function* checkpointsInSeqOrder(tx: ActivityExecutor, tenantId: string, batchSize: number) {
  let after: { seq: number; period: string } | undefined;
  for (;;) {
    const batch = await tx
      .select()
      .from(activityCheckpoints)
      .where(
        and(
          eq(activityCheckpoints.tenantId, tenantId),
          after && sql`(${activityCheckpoints.seq}, ${activityCheckpoints.period}) > (${after.seq}, ${after.period})`,
        ),
      )
      .orderBy(asc(activityCheckpoints.seq), asc(activityCheckpoints.period))
      .limit(batchSize);
    yield* batch;
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    after = { seq: last.seq, period: last.period };
  }
}
