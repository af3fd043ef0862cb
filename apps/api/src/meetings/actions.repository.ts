import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ActionStatus, MeetingSummary } from '@samverkan/contracts';
import { ActionItemEntity } from './entities/action-item.entity';

// Writes that answer rows are `WITH x AS (… RETURNING *) SELECT …`: the columns get their aliases, and TypeORM
// answers a bare UPDATE … RETURNING as [rows, count].

// `due_date::text` keeps the calendar day as written: pg would turn a date into a JavaScript Date at local midnight.
const ACTION_COLUMNS = `a.id, a.meeting_id AS "meetingId", a.agenda_item_id AS "agendaItemId", a.title, a.owner_id AS "ownerId",
  a.due_date::text AS "dueDate", a.status, a.done_at AS "doneAt", a.version, a.created_by AS "createdBy",
  a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

export interface ActionValues {
  title: string;
  ownerId: string;
  dueDate: string;
  status: ActionStatus;
  agendaItemId: string | null;
}

export type ActionWithMeeting = ActionItemEntity & { meetingTitle: string; meetingStartsAt: Date };

/** Actions agreed in meetings (`meeting_actions`). */
@Injectable()
export class ActionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async actionsOf(manager: EntityManager, meetingIds: string[]): Promise<ActionItemEntity[]> {
    if (!meetingIds.length) return [];
    return manager.query(
      `SELECT ${ACTION_COLUMNS} FROM meeting_actions a WHERE a.meeting_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
      [meetingIds],
    );
  }

  async findAction(manager: EntityManager, meetingId: string, id: string): Promise<ActionItemEntity | null> {
    const rows: ActionItemEntity[] = await manager.query(
      `SELECT ${ACTION_COLUMNS} FROM meeting_actions a WHERE a.id = $1 AND a.meeting_id = $2 FOR UPDATE`,
      [id, meetingId],
    );
    return rows[0] ?? null;
  }

  async insertAction(
    manager: EntityManager,
    meetingId: string,
    values: ActionValues,
    userId: string,
  ): Promise<ActionItemEntity> {
    const rows: ActionItemEntity[] = await manager.query(
      `WITH a AS (
         INSERT INTO meeting_actions (meeting_id, agenda_item_id, title, owner_id, due_date, status, done_at, created_by)
         VALUES ($1, $2, $3, $4, $5::date, $6, CASE WHEN $6 = 'done' THEN now() END, $7) RETURNING *
       ) SELECT ${ACTION_COLUMNS} FROM a`,
      [meetingId, values.agendaItemId, values.title, values.ownerId, values.dueDate, values.status, userId],
    );
    return rows[0];
  }

  /** `done_at` is set when the action becomes done and cleared when it is opened again. */
  async updateAction(manager: EntityManager, id: string, values: ActionValues): Promise<ActionItemEntity> {
    const rows: ActionItemEntity[] = await manager.query(
      `WITH a AS (
         UPDATE meeting_actions SET agenda_item_id = $2, title = $3, owner_id = $4, due_date = $5::date, status = $6,
           done_at = CASE WHEN $6 = 'open' THEN NULL WHEN status = 'done' THEN done_at ELSE now() END,
           version = version + 1, updated_at = now()
         WHERE id = $1 RETURNING *
       ) SELECT ${ACTION_COLUMNS} FROM a`,
      [id, values.agendaItemId, values.title, values.ownerId, values.dueDate, values.status],
    );
    return rows[0];
  }

  async deleteAction(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM meeting_actions WHERE id = $1`, [id]);
  }

  /** An owner's actions with their meetings, open ones first by due date. */
  async actionsOwnedBy(
    ownerId: string,
    filter: { status?: ActionStatus; meetingId?: string },
  ): Promise<ActionWithMeeting[]> {
    const params: unknown[] = [ownerId];
    const add = (value: unknown) => `$${params.push(value)}`;
    const conditions = ['a.owner_id = $1'];
    if (filter.status) conditions.push(`a.status = ${add(filter.status)}`);
    if (filter.meetingId) conditions.push(`a.meeting_id = ${add(filter.meetingId)}`);
    // Joins the meetings table of this module: the list is ordered by the meetings' start too.
    return this.dataSource.query(
      `SELECT ${ACTION_COLUMNS}, m.title AS "meetingTitle", m.starts_at AS "meetingStartsAt"
       FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY (a.status = 'done'), a.due_date, m.starts_at, a.created_at, a.id`,
      params,
    );
  }

  /** The owner of each open action of the meeting (an owner of two actions is named twice). */
  async openActionOwnerIds(manager: EntityManager, meetingId: string): Promise<string[]> {
    const rows: { ownerId: string }[] = await manager.query(
      `SELECT owner_id AS "ownerId" FROM meeting_actions WHERE meeting_id = $1 AND status = 'open'`,
      [meetingId],
    );
    return rows.map((row) => row.ownerId);
  }

  /**
   * Actions of the series' meetings that start no later than `upTo`: open now, overdue on `today`, done in the
   * period. Joins the meetings table of this module for the series.
   */
  async actionCounts(
    seriesKey: string,
    upTo: Date,
    today: string,
    period: { since: Date; until: Date },
  ): Promise<MeetingSummary['actions']> {
    const rows: MeetingSummary['actions'][] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE a.status = 'open')::int AS open,
              count(*) FILTER (WHERE a.status = 'open' AND a.due_date < $3::date)::int AS overdue,
              count(*) FILTER (WHERE a.status = 'done' AND a.done_at >= $4 AND a.done_at < $5)::int AS "doneInPeriod"
       FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id
       WHERE m.series_key = $1 AND m.starts_at <= $2`,
      [seriesKey, upTo, today, period.since, period.until],
    );
    return rows[0];
  }
}
