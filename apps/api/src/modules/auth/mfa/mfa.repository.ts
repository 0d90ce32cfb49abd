import { Injectable } from '@nestjs/common';
import { newId } from '@ontrack/db/ids';
import { recoveryCodes, sessions, type TotpFactor, totpFactors } from '@ontrack/db/schema/auth';
import { users } from '@ontrack/db/schema/users';
import { and, count, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { currentDb } from '../../../platform/db/current-transaction.js';
import { isUniqueViolation } from '../../../platform/db/postgres-errors.js';

export class EmailTakenError extends Error {}

/**
 * The signed-in user's factors, recovery codes and session state, in the request transaction (the rows are
 * the user's own: RLS shows them through app.user_id). Every "use once" rule is a conditional UPDATE, so
 * two requests racing with the same code cannot both win: the second waits for the first's row lock and
 * then no longer matches.
 */
@Injectable()
export class MfaRepository {
  async findFactor(userId: string): Promise<TotpFactor | undefined> {
    const [factor] = await currentDb().select().from(totpFactors).where(eq(totpFactors.userId, userId));
    return factor;
  }

  /** A new secret waiting for its first code; replaces whatever factor the user had. */
  async saveUnconfirmedFactor(userId: string, secretEncrypted: string): Promise<void> {
    await currentDb()
      .insert(totpFactors)
      .values({ userId, secretEncrypted })
      .onConflictDoUpdate({
        target: totpFactors.userId,
        set: { secretEncrypted, confirmedAt: null, lastUsedStep: null, createdAt: sql`now()` },
      });
  }

  /** Confirms the waiting factor with the step of its first code; false if there was none waiting. */
  async confirmFactor(userId: string, timeStep: number): Promise<boolean> {
    const rows = await currentDb()
      .update(totpFactors)
      .set({ confirmedAt: sql`now()`, lastUsedStep: timeStep })
      .where(and(eq(totpFactors.userId, userId), isNull(totpFactors.confirmedAt)))
      .returning({ userId: totpFactors.userId });
    return rows.length === 1;
  }

  /** Records a used code's time step; false when that step (or a later one) was already used. */
  async useTimeStep(userId: string, timeStep: number): Promise<boolean> {
    const rows = await currentDb()
      .update(totpFactors)
      .set({ lastUsedStep: timeStep })
      .where(
        and(
          eq(totpFactors.userId, userId),
          isNotNull(totpFactors.confirmedAt),
          or(isNull(totpFactors.lastUsedStep), lt(totpFactors.lastUsedStep, timeStep)),
        ),
      )
      .returning({ userId: totpFactors.userId });
    return rows.length === 1;
  }

  async resealSecret(userId: string, secretEncrypted: string): Promise<void> {
    await currentDb().update(totpFactors).set({ secretEncrypted }).where(eq(totpFactors.userId, userId));
  }

  /** Removes the factor and its recovery codes; false if there was none. */
  async deleteFactor(userId: string): Promise<boolean> {
    const db = currentDb();
    await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    const rows = await db
      .delete(totpFactors)
      .where(eq(totpFactors.userId, userId))
      .returning({ userId: totpFactors.userId });
    return rows.length === 1;
  }

  /** A new set of recovery codes (their hashes); the old set stops working. */
  async replaceRecoveryCodes(userId: string, codeHashes: readonly string[]): Promise<void> {
    const db = currentDb();
    await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ id: newId(), userId, codeHash })));
  }

  /** Marks an unused recovery code used; false when no unused code has this hash. */
  async useRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const rows = await currentDb()
      .update(recoveryCodes)
      .set({ usedAt: sql`now()` })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    return rows.length === 1;
  }

  async countRecoveryCodesLeft(userId: string): Promise<number> {
    const [row] = await currentDb()
      .select({ left: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
    return row?.left ?? 0;
  }

  /** Where the session stands on second factor and re-authentication, judged by the database clock. */
  async findSessionAuth(sessionId: string, recentMinutes: number) {
    const [row] = await currentDb()
      .select({
        userId: sessions.userId,
        mfaVerified: sql<boolean>`${sessions.mfaVerifiedAt} is not null`,
        recentlyAuthenticated: sql<boolean>`coalesce(${sessions.reauthenticatedAt} > now() - make_interval(mins => ${recentMinutes}), false)`,
        active: sql<boolean>`${sessions.revokedAt} is null`,
        hasConfirmedFactor: sql<boolean>`exists (select 1 from ${totpFactors}
          where ${totpFactors.userId} = ${sessions.userId} and ${totpFactors.confirmedAt} is not null)`,
      })
      .from(sessions)
      .where(eq(sessions.id, sessionId));
    return row;
  }

  async findUserEmail(userId: string): Promise<string | undefined> {
    const [row] = await currentDb().select({ email: users.email }).from(users).where(eq(users.id, userId));
    return row?.email;
  }

  /**
   * Another user's address cannot be seen (RLS), so "taken" is learnt from the unique index. The violation
   * aborts the request transaction; the caller answers with an error, which rolls it back.
   */
  async updateEmail(userId: string, email: string): Promise<void> {
    try {
      await currentDb().update(users).set({ email, updatedAt: sql`now()` }).where(eq(users.id, userId));
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError(email);
      throw error;
    }
  }
}
