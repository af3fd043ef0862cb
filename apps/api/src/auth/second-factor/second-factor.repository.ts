import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * How many rows an UPDATE or DELETE changed: TypeORM's postgres driver answers those with `[rows, rowCount]`
 * (and other statements with the rows alone).
 */
function changedRows(result: unknown): number {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[1];
  return Array.isArray(result) ? result.length : 0;
}

export interface TotpFactorRow {
  secret: string;
  confirmed: boolean;
  lastStep: number | null;
}

export interface RecoveryCodeRow {
  id: string;
  codeHash: string;
}

export interface ChallengeRow {
  id: string;
  userId: string;
  email: string;
}

/** The second factor's tables: TOTP secrets, recovery-code hashes and sign-in challenges. */
@Injectable()
export class SecondFactorRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async findFactor(userId: string): Promise<TotpFactorRow | null> {
    const rows: { secret: string; confirmed: boolean; last_step: string | null }[] =
      await this.dataSource.query(
        `SELECT secret, confirmed_at IS NOT NULL AS confirmed, last_step FROM user_totp_factors WHERE user_id = $1`,
        [userId],
      );
    const row = rows[0];
    return row
      ? {
          secret: row.secret,
          confirmed: row.confirmed,
          lastStep: row.last_step === null ? null : Number(row.last_step),
        }
      : null;
  }

  /** Stores a new unconfirmed secret, replacing an unconfirmed one; false when a confirmed factor exists. */
  async saveUnconfirmedSecret(userId: string, secret: string): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `INSERT INTO user_totp_factors (user_id, secret) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, created_at = now(), last_step = NULL
         WHERE user_totp_factors.confirmed_at IS NULL
       RETURNING user_id`,
      [userId, secret],
    );
    return changedRows(result) === 1;
  }

  /** Confirms the secret the code was checked against (not one a parallel set-up put in its place). */
  async confirm(manager: EntityManager, userId: string, secret: string, step: number): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE user_totp_factors SET confirmed_at = now(), last_step = $3
       WHERE user_id = $1 AND secret = $2 AND confirmed_at IS NULL RETURNING user_id`,
      [userId, secret, step],
    );
    return changedRows(result) === 1;
  }

  /** Takes a step as used; false when that step or a later one was used already (the same code twice in parallel). */
  async useStep(userId: string, step: number): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `UPDATE user_totp_factors SET last_step = $2
       WHERE user_id = $1 AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < $2) RETURNING user_id`,
      [userId, step],
    );
    return changedRows(result) === 1;
  }

  async replaceRecoveryCodes(manager: EntityManager, userId: string, hashes: string[]): Promise<void> {
    await manager.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
    for (const hash of hashes) {
      await manager.query(`INSERT INTO user_recovery_codes (user_id, code_hash) VALUES ($1, $2)`, [
        userId,
        hash,
      ]);
    }
  }

  async unusedRecoveryCodes(userId: string): Promise<RecoveryCodeRow[]> {
    const rows: { id: string; code_hash: string }[] = await this.dataSource.query(
      `SELECT id, code_hash FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    return rows.map((row) => ({ id: row.id, codeHash: row.code_hash }));
  }

  /** Marks a recovery code used; false when a parallel request used it first. */
  async useRecoveryCode(manager: EntityManager, id: string): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE user_recovery_codes SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id`,
      [id],
    );
    return changedRows(result) === 1;
  }

  /** Removes the factor, its recovery codes and pending sign-in challenges; false when there was no factor. */
  async removeFactor(manager: EntityManager, userId: string): Promise<boolean> {
    await manager.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM mfa_challenges WHERE user_id = $1`, [userId]);
    const result: unknown = await manager.query(
      `DELETE FROM user_totp_factors WHERE user_id = $1 RETURNING user_id`,
      [userId],
    );
    return changedRows(result) === 1;
  }

  async createChallenge(userId: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void> {
    // Expired challenges are swept here: sign-ins are rare enough, and nothing else reads them.
    await this.dataSource.query(`DELETE FROM mfa_challenges WHERE expires_at < $1`, [now]);
    await this.dataSource.query(
      `INSERT INTO mfa_challenges (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`,
      [userId, tokenHash, expiresAt],
    );
  }

  /** A challenge still usable at `now`: not expired, not used, fewer than `maxFailures` wrong codes. */
  async findLiveChallenge(tokenHash: string, now: Date, maxFailures: number): Promise<ChallengeRow | null> {
    const rows: { id: string; user_id: string; email: string }[] = await this.dataSource.query(
      `SELECT c.id, c.user_id, u.email FROM mfa_challenges c JOIN users u ON u.id = c.user_id
       WHERE c.token_hash = $1 AND c.expires_at > $2 AND c.consumed_at IS NULL AND c.failures < $3 AND NOT u.disabled`,
      [tokenHash, now, maxFailures],
    );
    const row = rows[0];
    return row ? { id: row.id, userId: row.user_id, email: row.email } : null;
  }

  async countFailure(challengeId: string): Promise<void> {
    await this.dataSource.query(`UPDATE mfa_challenges SET failures = failures + 1 WHERE id = $1`, [
      challengeId,
    ]);
  }

  /** Uses the challenge up; false when a parallel request did first. */
  async consumeChallenge(challengeId: string): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `UPDATE mfa_challenges SET consumed_at = now() WHERE id = $1 AND consumed_at IS NULL RETURNING id`,
      [challengeId],
    );
    return changedRows(result) === 1;
  }
}
