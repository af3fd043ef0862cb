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
   * Of the sessions named, those still live: not revoked, not expired, their user not disabled. It reads the
   * users' `disabled` flag in the same statement, so a socket re-check costs one round trip however many sockets.
   */
  async liveOf(sessionIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = ANY($1::uuid[]) AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
      [sessionIds],
    );
    return rows.map((row) => row.id);
  }
}
