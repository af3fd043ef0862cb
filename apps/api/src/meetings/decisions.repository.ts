import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DecisionEntity } from './entities/decision.entity';

// Writes that answer rows are `WITH x AS (… RETURNING *) SELECT …`: the columns get their aliases, and TypeORM
// answers a bare UPDATE … RETURNING as [rows, count].

const DECISION_COLUMNS = `d.id, d.meeting_id AS "meetingId", d.agenda_item_id AS "agendaItemId", d.text, d.zone_id AS "zoneId",
  d.zone_version AS "zoneVersion", d.created_by AS "createdBy", d.created_at AS "createdAt", d.updated_at AS "updatedAt"`;

export interface DecisionValues {
  text: string;
  agendaItemId: string | null;
  zoneId: string | null;
  zoneVersion: number | null;
}

/** A meeting's decisions (`meeting_decisions`). */
@Injectable()
export class DecisionsRepository {
  async decisionsOf(manager: EntityManager, meetingIds: string[]): Promise<DecisionEntity[]> {
    if (!meetingIds.length) return [];
    return manager.query(
      `SELECT ${DECISION_COLUMNS} FROM meeting_decisions d WHERE d.meeting_id = ANY($1::uuid[]) ORDER BY d.created_at, d.id`,
      [meetingIds],
    );
  }

  async findDecision(manager: EntityManager, meetingId: string, id: string): Promise<DecisionEntity | null> {
    const rows: DecisionEntity[] = await manager.query(
      `SELECT ${DECISION_COLUMNS} FROM meeting_decisions d WHERE d.id = $1 AND d.meeting_id = $2 FOR UPDATE`,
      [id, meetingId],
    );
    return rows[0] ?? null;
  }

  async insertDecision(
    manager: EntityManager,
    meetingId: string,
    values: DecisionValues,
    userId: string,
  ): Promise<DecisionEntity> {
    const rows: DecisionEntity[] = await manager.query(
      `WITH d AS (
         INSERT INTO meeting_decisions (meeting_id, agenda_item_id, text, zone_id, zone_version, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *
       ) SELECT ${DECISION_COLUMNS} FROM d`,
      [meetingId, values.agendaItemId, values.text, values.zoneId, values.zoneVersion, userId],
    );
    return rows[0];
  }

  async updateDecision(manager: EntityManager, id: string, values: DecisionValues): Promise<DecisionEntity> {
    const rows: DecisionEntity[] = await manager.query(
      `WITH d AS (
         UPDATE meeting_decisions SET agenda_item_id = $2, text = $3, zone_id = $4, zone_version = $5, updated_at = now()
         WHERE id = $1 RETURNING *
       ) SELECT ${DECISION_COLUMNS} FROM d`,
      [id, values.agendaItemId, values.text, values.zoneId, values.zoneVersion],
    );
    return rows[0];
  }

  async deleteDecision(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM meeting_decisions WHERE id = $1`, [id]);
  }

  async countDecisionsOfItem(manager: EntityManager, itemId: string): Promise<number> {
    const rows: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM meeting_decisions WHERE agenda_item_id = $1`,
      [itemId],
    );
    return rows[0].count;
  }
}
