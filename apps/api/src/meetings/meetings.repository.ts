import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ActionStatus, MeetingView, OrganisationKind, ReportCategory, Role } from '@samverkan/contracts';
import { ActionItemEntity } from './entities/action-item.entity';
import { AgendaItemEntity } from './entities/agenda-item.entity';
import { DecisionEntity } from './entities/decision.entity';
import { MeetingEntity } from './entities/meeting.entity';

// Writes that answer rows are `WITH x AS (… RETURNING *) SELECT …`: the columns get their aliases, and TypeORM
// answers a bare UPDATE … RETURNING as [rows, count].

const MEETING_COLUMNS = `m.id, m.title, m.starts_at AS "startsAt", m.place, m.series, m.series_key AS "seriesKey", m.version,
  m.revision, m.channel_id AS "channelId", m.presenter_id AS "presenterId", m.current_item_id AS "currentItemId", m.view,
  m.created_by AS "createdBy", m.created_at AS "createdAt", m.updated_at AS "updatedAt"`;

const AGENDA_COLUMNS = `i.id, i.meeting_id AS "meetingId", i.position, i.title, i.site_id AS "siteId", i.zone_id AS "zoneId",
  i.report_id AS "reportId", i.minutes, i.version, i.created_by AS "createdBy", i.updated_by AS "updatedBy",
  i.created_at AS "createdAt", i.updated_at AS "updatedAt"`;

const DECISION_COLUMNS = `d.id, d.meeting_id AS "meetingId", d.agenda_item_id AS "agendaItemId", d.text, d.zone_id AS "zoneId",
  d.zone_version AS "zoneVersion", d.created_by AS "createdBy", d.created_at AS "createdAt", d.updated_at AS "updatedAt"`;

// `due_date::text` keeps the calendar day as written: pg would turn a date into a JavaScript Date at local midnight.
const ACTION_COLUMNS = `a.id, a.meeting_id AS "meetingId", a.agenda_item_id AS "agendaItemId", a.title, a.owner_id AS "ownerId",
  a.due_date::text AS "dueDate", a.status, a.done_at AS "doneAt", a.version, a.created_by AS "createdBy",
  a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/** Whose meetings a query may see: every meeting, or those one organisation takes part in. */
export interface MeetingAudience {
  seesAll: boolean;
  organisationId: string;
}

export interface MeetingListFilter {
  from?: Date;
  to?: Date;
  series?: string;
  limit: number;
}

export interface MeetingValues {
  title: string;
  startsAt: Date;
  place: string | null;
  series: string | null;
  seriesKey: string;
}

export interface AgendaItemValues {
  title: string;
  siteId: string | null;
  zoneId: string | null;
  reportId: string | null;
  minutes: string;
}

export interface DecisionValues {
  text: string;
  agendaItemId: string | null;
  zoneId: string | null;
  zoneVersion: number | null;
}

export interface ActionValues {
  title: string;
  ownerId: string;
  dueDate: string;
  status: ActionStatus;
  agendaItemId: string | null;
}

export interface PersonFacts {
  id: string;
  displayName: string;
  role: Role;
  organisationId: string;
  disabled: boolean;
}

export type ActionWithMeeting = ActionItemEntity & { meetingTitle: string; meetingStartsAt: Date };

/** The visibility rule as SQL over `m` (meetings); `$1` seesAll, `$2` the viewer's organisation. */
const CAN_SEE_MEETING = `($1::boolean OR EXISTS (
  SELECT 1 FROM meeting_organisations mo WHERE mo.meeting_id = m.id AND mo.organisation_id = $2::uuid))`;

/**
 * Meetings, their organisations, agenda, decisions and actions in SQL, with reads of the sites, zones, users and
 * organisations tables for what a meeting refers to.
 */
@Injectable()
export class MeetingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // ------------------------------------------------------------------ meetings

  async insertMeeting(
    manager: EntityManager,
    values: MeetingValues,
    createdBy: string,
  ): Promise<MeetingEntity> {
    const rows: MeetingEntity[] = await manager.query(
      `WITH m AS (
         INSERT INTO meetings (title, starts_at, place, series, series_key, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *
       ) SELECT ${MEETING_COLUMNS} FROM m`,
      [values.title, values.startsAt, values.place, values.series, values.seriesKey, createdBy],
    );
    return rows[0];
  }

  async findMeeting(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<MeetingEntity | null> {
    const rows: MeetingEntity[] = await manager.query(
      `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.id = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findVisibleMeeting(
    manager: EntityManager,
    audience: MeetingAudience,
    id: string,
  ): Promise<MeetingEntity | null> {
    const rows: MeetingEntity[] = await manager.query(
      `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.id = $3 AND ${CAN_SEE_MEETING}`,
      [audience.seesAll, audience.organisationId, id],
    );
    return rows[0] ?? null;
  }

  async listVisibleMeetings(audience: MeetingAudience, filter: MeetingListFilter): Promise<MeetingEntity[]> {
    const params: unknown[] = [audience.seesAll, audience.organisationId];
    const add = (value: unknown) => `$${params.push(value)}`;
    const conditions = [CAN_SEE_MEETING];
    if (filter.from) conditions.push(`m.starts_at >= ${add(filter.from)}`);
    if (filter.to) conditions.push(`m.starts_at < ${add(filter.to)}`);
    if (filter.series !== undefined) conditions.push(`m.series = ${add(filter.series)}`);
    return this.dataSource.query(
      `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE ${conditions.join(' AND ')}
       ORDER BY m.starts_at ASC, m.id ASC LIMIT ${add(filter.limit)}`,
      params,
    );
  }

  /**
   * Locks the meeting row and bumps its revision: every change to a meeting or anything in it goes through here,
   * so changes to one meeting are applied one at a time and each gets its own revision.
   */
  async touchMeeting(manager: EntityManager, id: string): Promise<MeetingEntity | null> {
    const rows: MeetingEntity[] = await manager.query(
      `WITH m AS (UPDATE meetings SET revision = revision + 1, updated_at = now() WHERE id = $1 RETURNING *)
       SELECT ${MEETING_COLUMNS} FROM m`,
      [id],
    );
    return rows[0] ?? null;
  }

  async updateMeeting(
    manager: EntityManager,
    id: string,
    values: MeetingValues,
    presenterId: string | null,
  ): Promise<MeetingEntity> {
    const rows: MeetingEntity[] = await manager.query(
      `WITH m AS (
         UPDATE meetings SET title = $2, starts_at = $3, place = $4, series = $5, series_key = $6, presenter_id = $7,
           version = version + 1, updated_at = now()
         WHERE id = $1 RETURNING *
       ) SELECT ${MEETING_COLUMNS} FROM m`,
      [id, values.title, values.startsAt, values.place, values.series, values.seriesKey, presenterId],
    );
    return rows[0];
  }

  async setChannel(meetingId: string, channelId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE meetings SET channel_id = $2 WHERE id = $1`, [meetingId, channelId]);
  }

  async organisationIdsOf(manager: EntityManager, meetingIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(meetingIds.map((id) => [id, []]));
    if (!meetingIds.length) return result;
    const rows: { meetingId: string; organisationId: string }[] = await manager.query(
      `SELECT meeting_id AS "meetingId", organisation_id AS "organisationId" FROM meeting_organisations
       WHERE meeting_id = ANY($1::uuid[]) ORDER BY organisation_id`,
      [meetingIds],
    );
    for (const row of rows) result.get(row.meetingId)?.push(row.organisationId);
    return result;
  }

  async setOrganisations(
    manager: EntityManager,
    meetingId: string,
    organisationIds: string[],
  ): Promise<void> {
    await manager.query(
      `DELETE FROM meeting_organisations WHERE meeting_id = $1 AND NOT (organisation_id = ANY($2::uuid[]))`,
      [meetingId, organisationIds],
    );
    await manager.query(
      `INSERT INTO meeting_organisations (meeting_id, organisation_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [meetingId, organisationIds],
    );
  }

  /** The previous meeting of a series: the latest that starts before `startsAt`. */
  async previousInSeries(
    seriesKey: string,
    startsAt: Date,
    excludeId: string,
  ): Promise<MeetingEntity | null> {
    const rows: MeetingEntity[] = await this.dataSource.query(
      `SELECT ${MEETING_COLUMNS} FROM meetings m
       WHERE m.series_key = $1 AND m.starts_at < $2 AND m.id <> $3
       ORDER BY m.starts_at DESC, m.id DESC LIMIT 1`,
      [seriesKey, startsAt, excludeId],
    );
    return rows[0] ?? null;
  }

  // ------------------------------------------------------------------ what a meeting refers to

  async existingOrganisationIds(manager: EntityManager, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM organisations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => row.id);
  }

  async organisationNames(
    manager: EntityManager,
    ids: string[],
  ): Promise<{ id: string; name: string; kind: OrganisationKind }[]> {
    if (!ids.length) return [];
    return manager.query(
      `SELECT id, name, kind FROM organisations WHERE id = ANY($1::uuid[]) ORDER BY name, id`,
      [ids],
    );
  }

  async findPerson(manager: EntityManager, id: string): Promise<PersonFacts | null> {
    const rows: PersonFacts[] = await manager.query(
      `SELECT id, display_name AS "displayName", role, organisation_id AS "organisationId", disabled FROM users WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async personNames(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; displayName: string }[] = await manager.query(
      `SELECT id, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.displayName]));
  }

  /** Users among these who own open actions of the meeting and belong to one of `organisationIds`. */
  async openActionOwnersIn(
    manager: EntityManager,
    meetingId: string,
    organisationIds: string[],
  ): Promise<number> {
    const rows: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM meeting_actions a JOIN users u ON u.id = a.owner_id
       WHERE a.meeting_id = $1 AND a.status = 'open' AND u.role <> 'coordinator' AND u.organisation_id = ANY($2::uuid[])`,
      [meetingId, organisationIds],
    );
    return rows[0].count;
  }

  /** A site that has not been deleted. */
  async findSite(manager: EntityManager, id: string): Promise<{ id: string; name: string } | null> {
    const rows = await manager.query(`SELECT id, name FROM sites WHERE id = $1 AND deleted_at IS NULL`, [id]);
    return rows[0] ?? null;
  }

  /** A zone whose site has not been deleted, with its site, current version and current name. */
  async findZone(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; siteId: string; currentVersion: number; name: string } | null> {
    const rows = await manager.query(
      `SELECT z.id, z.site_id AS "siteId", z.current_version AS "currentVersion", v.name
       FROM zones z JOIN sites s ON s.id = z.site_id JOIN zone_versions v ON v.zone_id = z.id AND v.version = z.current_version
       WHERE z.id = $1 AND s.deleted_at IS NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  async siteNames(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT id, name FROM sites WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Each zone's name in its current version. */
  async zoneNames(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT z.id, v.name FROM zones z JOIN zone_versions v ON v.zone_id = z.id AND v.version = z.current_version
       WHERE z.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Category and day of linked field reports: what the minutes say about them (never their text or author). */
  async reportFacts(
    manager: EntityManager,
    ids: string[],
  ): Promise<Map<string, { category: ReportCategory; occurredAt: Date }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; category: ReportCategory; occurredAt: Date }[] = await manager.query(
      `SELECT id, category, occurred_at AS "occurredAt" FROM field_reports WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, { category: row.category, occurredAt: row.occurredAt }]));
  }

  // ------------------------------------------------------------------ agenda

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

  async countDecisionsOfItem(manager: EntityManager, itemId: string): Promise<number> {
    const rows: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM meeting_decisions WHERE agenda_item_id = $1`,
      [itemId],
    );
    return rows[0].count;
  }

  // ------------------------------------------------------------------ decisions

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

  async zoneVersionExists(manager: EntityManager, zoneId: string, version: number): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM zone_versions WHERE zone_id = $1 AND version = $2`, [
      zoneId,
      version,
    ]);
    return rows.length > 0;
  }

  // ------------------------------------------------------------------ actions

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
    return this.dataSource.query(
      `SELECT ${ACTION_COLUMNS}, m.title AS "meetingTitle", m.starts_at AS "meetingStartsAt"
       FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY (a.status = 'done'), a.due_date, m.starts_at, a.created_at, a.id`,
      params,
    );
  }

  // ------------------------------------------------------------------ the shared map

  /** Stores the presenter's view; false when `presenterId` is not (or no longer) the presenter. */
  async setView(meetingId: string, presenterId: string, view: MeetingView): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH m AS (UPDATE meetings SET view = $3::jsonb WHERE id = $1 AND presenter_id = $2 RETURNING id) SELECT id FROM m`,
      [meetingId, presenterId, JSON.stringify(view)],
    );
    return rows.length > 0;
  }

  /** Stores the item the presenter is on; false when `presenterId` is not the presenter or the item is not the meeting's. */
  async setCurrentItem(meetingId: string, presenterId: string, itemId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH m AS (
         UPDATE meetings SET current_item_id = $3 WHERE id = $1 AND presenter_id = $2
           AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM meeting_agenda_items i WHERE i.id = $3 AND i.meeting_id = $1))
         RETURNING id
       ) SELECT id FROM m`,
      [meetingId, presenterId, itemId],
    );
    return rows.length > 0;
  }

  async setPresenter(manager: EntityManager, meetingId: string, presenterId: string | null): Promise<void> {
    await manager.query(`UPDATE meetings SET presenter_id = $2 WHERE id = $1`, [meetingId, presenterId]);
  }

  /** Nobody presents any more, if `presenterId` still does (one statement: a new presenter is never cleared). */
  async clearPresenter(meetingId: string, presenterId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH m AS (UPDATE meetings SET presenter_id = NULL WHERE id = $1 AND presenter_id = $2 RETURNING id) SELECT id FROM m`,
      [meetingId, presenterId],
    );
    return rows.length > 0;
  }
}
