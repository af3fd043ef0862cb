import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MeetingView } from '@samverkan/contracts';
import { MeetingEntity } from './entities/meeting.entity';

// Writes that answer rows are `WITH x AS (… RETURNING *) SELECT …`: the columns get their aliases, and TypeORM
// answers a bare UPDATE … RETURNING as [rows, count].

const MEETING_COLUMNS = `m.id, m.title, m.starts_at AS "startsAt", m.place, m.series, m.series_key AS "seriesKey", m.version,
  m.revision, m.channel_id AS "channelId", m.presenter_id AS "presenterId", m.current_item_id AS "currentItemId", m.view,
  m.created_by AS "createdBy", m.created_at AS "createdAt", m.updated_at AS "updatedAt"`;

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

/** The visibility rule as SQL over `m` (meetings); `$1` seesAll, `$2` the viewer's organisation. */
const CAN_SEE_MEETING = `($1::boolean OR EXISTS (
  SELECT 1 FROM meeting_organisations mo WHERE mo.meeting_id = m.id AND mo.organisation_id = $2::uuid))`;

/**
 * Meetings (`meetings`) and the organisations taking part (`meeting_organisations`). The agenda, decisions and
 * actions have their own repositories; what a meeting refers to (sites, zones, people, reports) is asked of
 * the services that own those tables.
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
    // Reads the agenda table in the same statement: an item deleted meanwhile must not become the current one.
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
