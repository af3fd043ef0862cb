import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Passkey } from '@samverkan/contracts';

/** What a challenge was issued for: adding a passkey, the sign-in's second step, or confirming a removal. */
export type PasskeyPurpose = 'register' | 'sign-in' | 'confirm';

export interface PasskeyChallengeRow {
  challenge: string;
  userId: string;
  purpose: PasskeyPurpose;
  /** For a sign-in: the `mfa_challenges` row (the password step) it belongs to. */
  mfaChallengeId: string | null;
  expiresAt: Date;
}

export interface StoredCredential {
  id: string;
  credentialId: string;
  /** base64url COSE key. */
  publicKey: string;
  counter: number;
  transports: string[];
}

export interface NewCredential {
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  name: string;
}

const PASSKEY_COLUMNS = `id, name, created_at AS "createdAt", last_used_at AS "lastUsedAt"`;

interface PasskeyRow {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

function toPasskey(row: PasskeyRow): Passkey {
  return {
    id: row.id,
    name: row.name,
    createdAt: new Date(row.createdAt).toISOString(),
    lastUsedAt: row.lastUsedAt === null ? null : new Date(row.lastUsedAt).toISOString(),
  };
}

/** Rows of a `… RETURNING` write: TypeORM's postgres driver answers `[rows, rowCount]` for UPDATE and DELETE. */
function returnedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return Array.isArray(result) ? (result as T[]) : [];
}

/** Passkeys' tables: the users' WebAuthn credentials and the challenges of their ceremonies. */
@Injectable()
export class PasskeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(userId: string): Promise<Passkey[]> {
    const rows: PasskeyRow[] = await this.dataSource.query(
      `SELECT ${PASSKEY_COLUMNS} FROM user_passkeys WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    return rows.map(toPasskey);
  }

  async credentials(userId: string): Promise<StoredCredential[]> {
    const rows: {
      id: string;
      credential_id: string;
      public_key: string;
      counter: string;
      transports: string[];
    }[] = await this.dataSource.query(
      `SELECT id, credential_id, public_key, counter, transports FROM user_passkeys WHERE user_id = $1`,
      [userId],
    );
    return rows.map((row) => ({
      id: row.id,
      credentialId: row.credential_id,
      publicKey: row.public_key,
      counter: Number(row.counter),
      transports: row.transports,
    }));
  }

  /** Null when the credential id is another user's (or nobody's) already. */
  async add(manager: EntityManager, userId: string, credential: NewCredential): Promise<Passkey | null> {
    const rows: PasskeyRow[] = await manager.query(
      `INSERT INTO user_passkeys (user_id, credential_id, public_key, counter, transports, name)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (credential_id) DO NOTHING RETURNING ${PASSKEY_COLUMNS}`,
      [
        userId,
        credential.credentialId,
        credential.publicKey,
        credential.counter,
        credential.transports,
        credential.name,
      ],
    );
    return rows[0] ? toPasskey(rows[0]) : null;
  }

  /**
   * Records a use with the authenticator's new counter. False when a parallel use got there first: the counter
   * must rise, unless the authenticator keeps none (always 0).
   */
  async recordUse(id: string, counter: number, now: Date): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `UPDATE user_passkeys SET counter = $2, last_used_at = $3
       WHERE id = $1 AND (counter < $2 OR (counter = 0 AND $2 = 0)) RETURNING id`,
      [id, counter, now],
    );
    return returnedRows(result).length === 1;
  }

  async remove(manager: EntityManager, userId: string, id: string): Promise<boolean> {
    const result: unknown = await manager.query(
      `DELETE FROM user_passkeys WHERE user_id = $1 AND id = $2 RETURNING id`,
      [userId, id],
    );
    return returnedRows(result).length === 1;
  }

  /** Every passkey of the user and their pending challenges; answers how many passkeys there were. */
  async removeAll(manager: EntityManager, userId: string): Promise<number> {
    await manager.query(`DELETE FROM passkey_challenges WHERE user_id = $1`, [userId]);
    const result: unknown = await manager.query(`DELETE FROM user_passkeys WHERE user_id = $1 RETURNING id`, [
      userId,
    ]);
    return returnedRows(result).length;
  }

  async insertChallenge(row: PasskeyChallengeRow, now: Date): Promise<void> {
    // Expired challenges are swept here, as the sign-in challenges are: nothing else reads them.
    await this.dataSource.query(`DELETE FROM passkey_challenges WHERE expires_at < $1`, [now]);
    await this.dataSource.query(
      `INSERT INTO passkey_challenges (challenge, user_id, purpose, mfa_challenge_id, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [row.challenge, row.userId, row.purpose, row.mfaChallengeId, row.expiresAt],
    );
  }

  /** Deletes the challenge and answers it: one statement, so two requests with the same answer cannot both have it. */
  async takeChallenge(challenge: string): Promise<PasskeyChallengeRow | null> {
    const result: unknown = await this.dataSource.query(
      `DELETE FROM passkey_challenges WHERE challenge = $1
       RETURNING challenge, user_id, purpose, mfa_challenge_id, expires_at`,
      [challenge],
    );
    const row = returnedRows<{
      challenge: string;
      user_id: string;
      purpose: PasskeyPurpose;
      mfa_challenge_id: string | null;
      expires_at: Date;
    }>(result)[0];
    return row
      ? {
          challenge: row.challenge,
          userId: row.user_id,
          purpose: row.purpose,
          mfaChallengeId: row.mfa_challenge_id,
          expiresAt: new Date(row.expires_at),
        }
      : null;
  }
}
