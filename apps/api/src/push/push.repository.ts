import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface StoredSubscription {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  userId: string;
  sessionId: string;
  createdAt: Date;
}

const COLUMNS = `id, endpoint, p256dh, auth, user_id AS "userId", session_id AS "sessionId", created_at AS "createdAt"`;

/** Web Push subscriptions (`push_subscriptions`), one per endpoint, each bound to the session that made it. */
@Injectable()
export class PushRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores the subscription, or binds an endpoint already known to this user and session (a browser subscribing
   * again after a new sign-in). `created` tells which. The user's oldest beyond `maxPerUser` are dropped.
   */
  async upsert(
    subscription: { endpoint: string; p256dh: string; auth: string; userId: string; sessionId: string },
    maxPerUser: number,
  ): Promise<{ subscription: StoredSubscription; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: (StoredSubscription & { created: boolean })[] = await manager.query(
        `INSERT INTO push_subscriptions (endpoint, p256dh, auth, user_id, session_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (endpoint) DO UPDATE
           SET p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth, user_id = EXCLUDED.user_id,
               session_id = EXCLUDED.session_id, updated_at = now()
         RETURNING ${COLUMNS}, (xmax = 0) AS created`,
        [subscription.endpoint, subscription.p256dh, subscription.auth, subscription.userId, subscription.sessionId],
      );
      await manager.query(
        `DELETE FROM push_subscriptions WHERE user_id = $1 AND id NOT IN (
           SELECT id FROM push_subscriptions WHERE user_id = $1 ORDER BY updated_at DESC, id LIMIT $2)`,
        [subscription.userId, maxPerUser],
      );
      const { created, ...stored } = row;
      return { subscription: stored, created };
    });
  }

  /** Deletes the user's subscription with this endpoint; false when there was none. */
  async deleteOfUser(userId: string, endpoint: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `DELETE FROM push_subscriptions WHERE user_id = $1 AND endpoint = $2 RETURNING id`,
      [userId, endpoint],
    );
    return rows.length > 0;
  }

  async deleteByIds(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.dataSource.query(`DELETE FROM push_subscriptions WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async deleteOfSessions(sessionIds: string[]): Promise<void> {
    if (!sessionIds.length) return;
    await this.dataSource.query(`DELETE FROM push_subscriptions WHERE session_id = ANY($1::uuid[])`, [sessionIds]);
  }

  async findOfUsers(userIds: string[]): Promise<StoredSubscription[]> {
    if (!userIds.length) return [];
    return this.dataSource.query(`SELECT ${COLUMNS} FROM push_subscriptions WHERE user_id = ANY($1::uuid[]) ORDER BY id`, [userIds]);
  }

  /** Every user with at least one subscription. */
  async subscribedUserIds(): Promise<string[]> {
    const rows: { userId: string }[] = await this.dataSource.query(`SELECT DISTINCT user_id AS "userId" FROM push_subscriptions`);
    return rows.map((row) => row.userId);
  }
}
