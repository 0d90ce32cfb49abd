import type { Database } from '@ontrack/db/client';
import type { SQL } from 'drizzle-orm';
import type postgres from 'postgres';
import { requestContext } from '../request-context/request-context.js';
import type { RequestTransaction } from './request-transaction.js';

/**
 * The request's transaction, for repositories. There is deliberately no other way for request code to
 * reach the database: every query runs inside the transaction whose settings RLS reads.
 */
export function currentTransaction(): RequestTransaction {
  const transaction = requestContext().transaction;
  if (!transaction?.isOpen) throw new Error('No open request transaction (is this route @Public?)');
  return transaction;
}

export const currentDb = (): Database => currentTransaction().db;
export const currentSql = (): postgres.ReservedSql => currentTransaction().sql;
/** Undecoded rows of a statement on the request's transaction (RequestTransaction.rows). */
export const currentRows = <Row>(statement: SQL): Promise<Row[]> => currentTransaction().rows<Row>(statement);
