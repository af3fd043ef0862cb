import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AgendaItemEntity } from './entities/agenda-item.entity';

// Writes that answer rows are `WITH x AS (… RETURNING *) SELECT …`: the columns get their aliases, and TypeORM
// answers a bare UPDATE … RETURNING as [rows, count].

const AGENDA_COLUMNS = `i.id, i.meeting_id AS "meetingId", i.position, i.title, i.site_id AS "siteId", i.zone_id AS "zoneId",
  i.report_id AS "reportId", i.minutes, i.version, i.created_by AS "createdBy", i.updated_by AS "updatedBy",
  i.created_at AS "createdAt", i.updated_at AS "updatedAt"`;

export interface AgendaItemValues {
  title: string;
  siteId: string | null;
  zoneId: string | null;
  reportId: string | null;
  minutes: string;
}

/** A meeting's agenda items (`meeting_agenda_items`) and their order. */
@Injectable()
export class AgendaRepository {
  async agendaOf(manager: EntityManager, meetingIds: string[]): Promise<AgendaItemEntity[]> {
    if (!meetingIds.length) return [];
    return manager.query(
      `SELECT ${AGENDA_COLUMNS} FROM meeting_agenda_items i WHERE i.meeting_id = ANY($1::uuid[]) ORDER BY i.position`,
      [meetingIds],
    );
  }

  async countAgenda(manager: EntityManager, meetingId: string): Promise<number> {
    const rows: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM meeting_agenda_items WHERE meeting_id = $1`,
      [meetingId],
    );
    return rows[0].count;
  }

  async findAgendaItem(
    manager: EntityManager,
    meetingId: string,
    itemId: string,
    options: { lock?: boolean } = {},
  ): Promise<AgendaItemEntity | null> {
    const rows: AgendaItemEntity[] = await manager.query(
      `SELECT ${AGENDA_COLUMNS} FROM meeting_agenda_items i WHERE i.id = $1 AND i.meeting_id = $2 ${options.lock ? 'FOR UPDATE' : ''}`,
      [itemId, meetingId],
    );
    return rows[0] ?? null;
  }

  /** Inserts at `position`, moving the items from there on down by one. */
  async insertAgendaItem(
    manager: EntityManager,
    meetingId: string,
    position: number,
    values: AgendaItemValues,
    userId: string,
  ): Promise<AgendaItemEntity> {
    await manager.query(
      `UPDATE meeting_agenda_items SET position = position + 1 WHERE meeting_id = $1 AND position >= $2`,
      [meetingId, position],
    );
    const rows: AgendaItemEntity[] = await manager.query(
      `WITH i AS (
         INSERT INTO meeting_agenda_items (meeting_id, position, title, site_id, zone_id, report_id, minutes, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING *
       ) SELECT ${AGENDA_COLUMNS} FROM i`,
      [
        meetingId,
        position,
        values.title,
        values.siteId,
        values.zoneId,
        values.reportId,
        values.minutes,
        userId,
      ],
    );
    return rows[0];
  }

  /** Changes the item's content (a new version). */
  async updateAgendaItem(
    manager: EntityManager,
    itemId: string,
    values: AgendaItemValues,
    userId: string,
  ): Promise<AgendaItemEntity> {
    const rows: AgendaItemEntity[] = await manager.query(
      `WITH i AS (
         UPDATE meeting_agenda_items SET title = $2, site_id = $3, zone_id = $4, report_id = $5, minutes = $6, updated_by = $7,
           version = version + 1, updated_at = now()
         WHERE id = $1 RETURNING *
       ) SELECT ${AGENDA_COLUMNS} FROM i`,
      [itemId, values.title, values.siteId, values.zoneId, values.reportId, values.minutes, userId],
    );
    return rows[0];
  }

  /**
   * Moves an item from one position to another; the items between shift by one towards the gap. One statement,
   * so the deferrable unique (meeting_id, position) is checked once all have moved.
   */
  async moveAgendaItem(
    manager: EntityManager,
    meetingId: string,
    itemId: string,
    from: number,
    to: number,
  ): Promise<void> {
    if (from === to) return;
    await manager.query(
      `UPDATE meeting_agenda_items
       SET position = CASE WHEN id = $2 THEN $4::int WHEN $4::int < $3::int THEN position + 1 ELSE position - 1 END
       WHERE meeting_id = $1 AND position BETWEEN least($3::int, $4::int) AND greatest($3::int, $4::int)`,
      [meetingId, itemId, from, to],
    );
  }

  async deleteAgendaItem(manager: EntityManager, meetingId: string, item: AgendaItemEntity): Promise<void> {
    await manager.query(`DELETE FROM meeting_agenda_items WHERE id = $1`, [item.id]);
    await manager.query(
      `UPDATE meeting_agenda_items SET position = position - 1 WHERE meeting_id = $1 AND position > $2`,
      [meetingId, item.position],
    );
  }
}
