import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Web Push subscriptions. Each belongs to the sign-in session that made it and goes with it: revoking the session
 * deletes it (push module, after the revocation commits), and a session row deleted takes it along (the foreign
 * key). One row per endpoint: the same browser subscribing again is bound to the new session.
 */
export class PushSubscriptions1765500000000 implements MigrationInterface {
  name = 'PushSubscriptions1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE push_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        endpoint text NOT NULL UNIQUE,
        p256dh text NOT NULL,
        auth text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX push_subscriptions_user_id_idx ON push_subscriptions (user_id)`);
    await queryRunner.query(`CREATE INDEX push_subscriptions_session_id_idx ON push_subscriptions (session_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE push_subscriptions`);
  }
}
