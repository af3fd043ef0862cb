import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** Sign-in sessions (`sessions`): a token's `jti` names its session, so revoking the session revokes the token. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(id: string, userId: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query(`INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, $3)`, [
      id,
      userId,
      expiresAt,
    ]);
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1`, [sessionId]);
  }

  /** Revokes the user's live sessions, all or all but `keepSessionId`. */
  async revokeAllOf(manager: EntityManager, userId: string, keepSessionId?: string): Promise<void> {
    await manager.query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, keepSessionId ?? null],
    );
  }

  /**
   * Of the sessions named, those no longer live: revoked, expired, their user disabled, or gone. It reads the
   * users' `disabled` flag in the same statement, so a socket re-check costs one round trip however many sockets,
   * and it answers only the ended ones: usually none, where answering the live ones made the driver build a row
   * for every socket every two seconds.
   */
  async endedOf(sessionIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT named.id FROM unnest($1::uuid[]) AS named(id)
       WHERE NOT EXISTS (
         SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id = named.id AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled)`,
      [sessionIds],
    );
    return rows.map((row) => row.id);
  }
}
