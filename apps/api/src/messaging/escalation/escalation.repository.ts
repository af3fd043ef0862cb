import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { EscalationPolicyInput } from '@samverkan/contracts';
import type { AlertEscalationRow, AlertEscalationStepRow, EscalationPolicyRow } from './escalation.rows';

const POLICY_COLUMNS = 'p.id, p.name, p.steps, p.repeat, p.version';
const STATE_COLUMNS = 'e.message_id, e.steps, e.repeat, e.state, e.fired, e.next_at';

/** Escalation policies (`escalation_policies`) and the escalations of urgent messages (`alert_escalations`, `alert_escalation_steps`). */
@Injectable()
export class EscalationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  listPolicies(): Promise<EscalationPolicyRow[]> {
    return this.dataSource.query(`SELECT ${POLICY_COLUMNS} FROM escalation_policies p ORDER BY p.name, p.id`);
  }

  async findPolicyByName(manager: EntityManager, name: string): Promise<EscalationPolicyRow | null> {
    const rows: EscalationPolicyRow[] = await manager.query(
      `SELECT ${POLICY_COLUMNS} FROM escalation_policies p WHERE p.name = $1 ORDER BY p.id LIMIT 1`,
      [name],
    );
    return rows[0] ?? null;
  }

  async findPolicy(manager: EntityManager, id: string, lock = false): Promise<EscalationPolicyRow | null> {
    const rows: EscalationPolicyRow[] = await manager.query(
      `SELECT ${POLICY_COLUMNS} FROM escalation_policies p WHERE p.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insertPolicy(manager: EntityManager, input: EscalationPolicyInput): Promise<EscalationPolicyRow> {
    const rows: EscalationPolicyRow[] = await manager.query(
      `INSERT INTO escalation_policies (name, steps, repeat) VALUES ($1, $2::jsonb, $3)
       RETURNING id, name, steps, repeat, version`,
      [input.name, JSON.stringify(input.steps), input.repeat],
    );
    return rows[0];
  }

  async updatePolicy(
    manager: EntityManager,
    id: string,
    input: EscalationPolicyInput,
  ): Promise<EscalationPolicyRow> {
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
    const rows: EscalationPolicyRow[] = await manager.query(
      `WITH updated AS (
         UPDATE escalation_policies SET name = $2, steps = $3::jsonb, repeat = $4, version = version + 1, updated_at = now()
         WHERE id = $1 RETURNING id, name, steps, repeat, version
       ) SELECT * FROM updated`,
      [id, input.name, JSON.stringify(input.steps), input.repeat],
    );
    return rows[0];
  }

  async deletePolicy(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM escalation_policies WHERE id = $1`, [id]);
  }

  /** How many channels follow the policy (locks them: none can take it up while it is being deleted). */
  async channelsFollowing(manager: EntityManager, policyId: string): Promise<number> {
    const rows: unknown[] = await manager.query(
      `SELECT id FROM channels WHERE escalation_policy_id = $1 FOR UPDATE`,
      [policyId],
    );
    return rows.length;
  }

  /**
   * In the sending transaction: an urgent message in a channel that follows a policy gets its escalation, the
   * first step due its delay after `now`. Nothing for a channel without a policy.
   */
  async start(manager: EntityManager, messageId: string, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO alert_escalations (message_id, policy_id, steps, repeat, next_at)
       SELECT m.id, p.id, p.steps, p.repeat, $2::timestamptz + make_interval(secs => (p.steps->0->>'delaySeconds')::int)
       FROM messages m JOIN channels c ON c.id = m.channel_id JOIN escalation_policies p ON p.id = c.escalation_policy_id
       WHERE m.id = $1 AND m.priority = 'urgent'
       ON CONFLICT (message_id) DO NOTHING`,
      [messageId, now],
    );
  }

  /**
   * Whether any escalation is due at `now`: one statement outside a transaction (the partial index on next_at
   * answers it), so an idle tick costs no BEGIN and COMMIT on the single embedded connection.
   */
  async anyDue(now: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM alert_escalations WHERE state = 'open' AND next_at <= $1 LIMIT 1`,
      [now],
    );
    return rows.length > 0;
  }

  /**
   * The escalations due at `now`, locked for this transaction; those another instance holds are skipped, so
   * each step fires once however many instances tick.
   */
  claimDue(manager: EntityManager, now: Date, limit: number): Promise<AlertEscalationRow[]> {
    return manager.query(
      `SELECT ${STATE_COLUMNS} FROM alert_escalations e
       WHERE e.state = 'open' AND e.next_at <= $1
       ORDER BY e.next_at, e.message_id
       LIMIT $2
       FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  async recordStep(
    manager: EntityManager,
    messageId: string,
    step: number,
    at: Date,
    userIds: string[],
    nextAt: Date | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO alert_escalation_steps (message_id, step, at, user_ids) VALUES ($1, $2, $3, $4::uuid[])`,
      [messageId, step, at, userIds],
    );
    await manager.query(
      `UPDATE alert_escalations SET fired = $2, next_at = $3, state = CASE WHEN $3::timestamptz IS NULL THEN 'exhausted' ELSE 'open' END,
         updated_at = now()
       WHERE message_id = $1`,
      [messageId, step, nextAt],
    );
  }

  async find(messageId: string): Promise<AlertEscalationRow | null> {
    const rows: AlertEscalationRow[] = await this.dataSource.query(
      `SELECT ${STATE_COLUMNS} FROM alert_escalations e WHERE e.message_id = $1`,
      [messageId],
    );
    return rows[0] ?? null;
  }

  stepsOf(messageId: string): Promise<AlertEscalationStepRow[]> {
    return this.dataSource.query(
      `SELECT step, at, user_ids::text[] AS user_ids FROM alert_escalation_steps WHERE message_id = $1 ORDER BY step`,
      [messageId],
    );
  }

  /** Everyone a step of this alert was sent to. */
  async targetsOf(messageId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT unnest(user_ids)::text AS user_id FROM alert_escalation_steps WHERE message_id = $1`,
      [messageId],
    );
    return rows.map((row) => row.user_id);
  }
}
