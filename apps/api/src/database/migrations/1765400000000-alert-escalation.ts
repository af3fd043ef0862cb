import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalation of urgent messages: policies (steps of a delay and targets, run `repeat` more times), the policy a
 * channel follows, and one state row per urgent message sent in such a channel, with the steps fired so far.
 * The state row holds a copy of the policy's steps as they were when the message was sent: a policy edited or
 * deleted later does not change an escalation under way. A worker claims due rows (`next_at`) with SKIP LOCKED.
 */
export class AlertEscalation1765400000000 implements MigrationInterface {
  name = 'AlertEscalation1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE escalation_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        steps jsonb NOT NULL CHECK (jsonb_typeof(steps) = 'array' AND jsonb_array_length(steps) > 0),
        repeat integer NOT NULL CHECK (repeat BETWEEN 0 AND 5),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // No ON DELETE: a policy that a channel follows cannot be deleted (the service answers 409 first).
    await queryRunner.query(
      `ALTER TABLE channels ADD COLUMN escalation_policy_id uuid REFERENCES escalation_policies(id)`,
    );
    await queryRunner.query(
      `CREATE INDEX channels_escalation_policy_id_idx ON channels (escalation_policy_id) WHERE escalation_policy_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE alert_escalations (
        message_id uuid PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
        policy_id uuid NOT NULL,
        steps jsonb NOT NULL,
        repeat integer NOT NULL,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'acknowledged', 'exhausted')),
        -- Steps fired so far, across repeats.
        fired integer NOT NULL DEFAULT 0,
        next_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT alert_escalations_next_when_open CHECK ((state = 'open') = (next_at IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX alert_escalations_due_idx ON alert_escalations (next_at) WHERE state = 'open'`,
    );
    await queryRunner.query(`
      CREATE TABLE alert_escalation_steps (
        message_id uuid NOT NULL REFERENCES alert_escalations(message_id) ON DELETE CASCADE,
        step integer NOT NULL,
        at timestamptz NOT NULL,
        user_ids uuid[] NOT NULL,
        PRIMARY KEY (message_id, step)
      )`);
    // "Was this user a target?" (a target outside the channel may see and acknowledge the alert).
    await queryRunner.query(
      `CREATE INDEX alert_escalation_steps_user_ids_idx ON alert_escalation_steps USING gin (user_ids)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE alert_escalation_steps`);
    await queryRunner.query(`DROP TABLE alert_escalations`);
    await queryRunner.query(`ALTER TABLE channels DROP COLUMN escalation_policy_id`);
    await queryRunner.query(`DROP TABLE escalation_policies`);
  }
}
