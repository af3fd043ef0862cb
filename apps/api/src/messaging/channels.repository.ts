import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { CAN_SEE_CHANNEL, viewerParams } from './channel-access';
import type { ChannelAccessRow, ChannelRow } from './messaging.rows';

type Viewer = Pick<AuthUser, 'id' | 'organisationId' | 'role' | 'organisationKind'>;

/** A direct channel is named after the other person, as the viewer ($1) sees it. */
const VIEWER_NAME = `CASE WHEN c.kind = 'direct' THEN (
    SELECT u.display_name FROM users u
    WHERE u.id = CASE WHEN c.direct_user_low = $1::uuid THEN c.direct_user_high ELSE c.direct_user_low END
  ) ELSE c.name END`;

/**
 * Unread: messages after the viewer's last-read seq. Messages removed by retention are not counted: the count
 * starts at the oldest message still stored.
 */
const UNREAD = `GREATEST(0, c.last_seq - GREATEST(
    COALESCE(r.last_read_seq, 0),
    COALESCE((SELECT min(m.seq) FROM messages m WHERE m.channel_id = c.id), c.last_seq + 1) - 1
  ))`;

const CHANNEL_COLUMNS = `c.id, c.kind, ${VIEWER_NAME} AS name, c.ref_id, c.last_seq, c.archived_at IS NOT NULL AS archived, c.escalation_policy_id`;

const ACCESS_COLUMNS = `c.id, c.kind, c.name, c.ref_id, c.last_seq, c.archived_at IS NOT NULL AS archived, c.escalation_policy_id, c.organisation_id,
  c.direct_user_low, c.direct_user_high,
  COALESCE((SELECT array_agg(co.organisation_id::text ORDER BY co.organisation_id)
            FROM channel_organisations co WHERE co.channel_id = c.id), '{}') AS organisation_ids`;

/** Sort order of the channel list: the joint channel first, then people, meetings, sites and zones. */
const KIND_ORDER = `CASE c.kind WHEN 'joint' THEN 0 WHEN 'direct' THEN 1 WHEN 'meeting' THEN 2 WHEN 'site' THEN 3 ELSE 4 END`;

export interface OwnedChannelChange {
  channel: ChannelAccessRow;
  previous: ChannelAccessRow | null;
}

@Injectable()
export class ChannelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs channel changes that belong to no other feature's change in a transaction of their own. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The channels the viewer may see and that are not archived, with their unread counts. */
  listVisible(viewer: Viewer): Promise<ChannelRow[]> {
    return this.dataSource.query(
      `SELECT ${CHANNEL_COLUMNS}, ${UNREAD} AS unread
       FROM channels c
       LEFT JOIN channel_reads r ON r.channel_id = c.id AND r.user_id = $1::uuid
       WHERE c.archived_at IS NULL AND ${CAN_SEE_CHANNEL}
       ORDER BY ${KIND_ORDER}, name, c.id`,
      viewerParams(viewer),
    );
  }

  /** One channel if the viewer may see it (archived ones included); null when it is unknown or hidden. */
  async findVisible(
    viewer: Viewer,
    channelId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ChannelRow | null> {
    const rows: ChannelRow[] = await manager.query(
      `SELECT ${CHANNEL_COLUMNS}, ${UNREAD} AS unread
       FROM channels c
       LEFT JOIN channel_reads r ON r.channel_id = c.id AND r.user_id = $1::uuid
       WHERE c.id = $5 AND ${CAN_SEE_CHANNEL}`,
      [...viewerParams(viewer), channelId],
    );
    return rows[0] ?? null;
  }

  /** A meeting's channel if the viewer may see it; null when there is none or it is hidden. */
  async findVisibleMeetingChannel(viewer: Viewer, meetingId: string): Promise<ChannelRow | null> {
    const rows: ChannelRow[] = await this.dataSource.query(
      `SELECT ${CHANNEL_COLUMNS}, ${UNREAD} AS unread
       FROM channels c
       LEFT JOIN channel_reads r ON r.channel_id = c.id AND r.user_id = $1::uuid
       WHERE c.kind = 'meeting' AND c.ref_id = $5 AND ${CAN_SEE_CHANNEL}`,
      [...viewerParams(viewer), meetingId],
    );
    return rows[0] ?? null;
  }

  async findAccess(
    channelId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ChannelAccessRow | null> {
    const rows: ChannelAccessRow[] = await manager.query(
      `SELECT ${ACCESS_COLUMNS} FROM channels c WHERE c.id = $1`,
      [channelId],
    );
    return rows[0] ?? null;
  }

  /** Sets the escalation policy the channel follows; answers the channel before and after, or null when it does not exist. */
  async setEscalationPolicy(
    manager: EntityManager,
    channelId: string,
    policyId: string | null,
  ): Promise<OwnedChannelChange | null> {
    const previous = await this.findAccess(channelId, manager);
    if (!previous) return null;
    await manager.query(`UPDATE channels SET escalation_policy_id = $2, updated_at = now() WHERE id = $1`, [
      channelId,
      policyId,
    ]);
    const channel = await this.findAccess(channelId, manager);
    return channel && { channel, previous };
  }

  private async findAccessByRef(
    manager: EntityManager,
    kind: string,
    refId: string,
    lock: boolean,
  ): Promise<ChannelAccessRow | null> {
    const rows: ChannelAccessRow[] = await manager.query(
      `SELECT ${ACCESS_COLUMNS} FROM channels c WHERE c.kind = $1 AND c.ref_id = $2 ${lock ? 'FOR UPDATE OF c' : ''}`,
      [kind, refId],
    );
    return rows[0] ?? null;
  }

  /** The direct channel of two users, made on first use: a pair never gets a second one. */
  async findOrCreateDirect(
    userA: string,
    userB: string,
    name: string,
  ): Promise<{ channelId: string; created: boolean }> {
    const [low, high] = userA < userB ? [userA, userB] : [userB, userA];
    const inserted: { id: string }[] = await this.dataSource.query(
      `INSERT INTO channels (kind, name, direct_user_low, direct_user_high) VALUES ('direct', $1, $2, $3)
       ON CONFLICT (direct_user_low, direct_user_high) WHERE kind = 'direct' DO NOTHING
       RETURNING id`,
      [name, low, high],
    );
    if (inserted.length) return { channelId: inserted[0].id, created: true };
    const existing: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM channels WHERE kind = 'direct' AND direct_user_low = $1 AND direct_user_high = $2`,
      [low, high],
    );
    return { channelId: existing[0].id, created: false };
  }

  /**
   * Creates or updates the channel of a site or zone (its owner decides who sees it), in the caller's transaction.
   * Returns the channel as it is now and as it was before (null when new); null when nothing changed.
   */
  async upsertOwned(
    manager: EntityManager,
    kind: 'site' | 'zone',
    refId: string,
    name: string,
    organisationId: string,
  ): Promise<OwnedChannelChange | null> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO channels (kind, name, ref_id, organisation_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, ref_id) WHERE ref_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [kind, name, refId, organisationId],
    );
    if (inserted.length)
      return { channel: (await this.findAccess(inserted[0].id, manager))!, previous: null };
    const previous = (await this.findAccessByRef(manager, kind, refId, true))!;
    if (previous.name === name && previous.organisation_id === organisationId) return null;
    await manager.query(
      `UPDATE channels SET name = $2, organisation_id = $3, updated_at = now() WHERE id = $1`,
      [previous.id, name, organisationId],
    );
    return { channel: (await this.findAccess(previous.id, manager))!, previous };
  }

  /** Marks a site's or zone's channel archived: its history stays, it takes no new messages. */
  async archiveOwned(manager: EntityManager, kind: 'site' | 'zone', refId: string): Promise<ChannelAccessRow | null> {
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
    const rows: { id: string }[] = await manager.query(
      `WITH archived AS (
         UPDATE channels SET archived_at = now(), updated_at = now()
         WHERE kind = $1 AND ref_id = $2 AND archived_at IS NULL RETURNING id
       ) SELECT id FROM archived`,
      [kind, refId],
    );
    return rows.length ? this.findAccess(rows[0].id, manager) : null;
  }

  /**
   * Creates or updates a meeting's channel; `organisationIds` (when given) replaces the organisations that may
   * see it. In the caller's transaction. Returns the channel as it is now and as it was before (null when new).
   */
  async upsertMeeting(
    manager: EntityManager,
    meetingId: string,
    name: string | null,
    organisationIds: string[] | null,
  ): Promise<OwnedChannelChange> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO channels (kind, name, ref_id) VALUES ('meeting', $1, $2)
       ON CONFLICT (kind, ref_id) WHERE ref_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [name ?? 'Möte', meetingId],
    );
    const previous = inserted.length
      ? null
      : await this.findAccessByRef(manager, 'meeting', meetingId, true);
    const channelId = inserted[0]?.id ?? previous!.id;
    if (previous && name !== null && name !== previous.name) {
      await manager.query(`UPDATE channels SET name = $2, updated_at = now() WHERE id = $1`, [
        channelId,
        name,
      ]);
    }
    if (organisationIds) {
      await manager.query(
        `DELETE FROM channel_organisations WHERE channel_id = $1 AND NOT (organisation_id = ANY($2::uuid[]))`,
        [channelId, organisationIds],
      );
      await manager.query(
        `INSERT INTO channel_organisations (channel_id, organisation_id)
         SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [channelId, organisationIds],
      );
    }
    return { channel: (await this.findAccess(channelId, manager))!, previous };
  }

  /** The joint channel's id (the migration creates it; a unique index keeps it the only one). */
  /** The channel of a site or zone that still takes messages; null when it has none or it is archived. */
  async openOwnedChannelId(kind: 'site' | 'zone', refId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM channels WHERE kind = $1 AND ref_id = $2 AND archived_at IS NULL`,
      [kind, refId],
    );
    return rows[0]?.id ?? null;
  }

  async jointChannelId(): Promise<string> {
    const [joint]: { id: string }[] = await this.dataSource.query(`SELECT id FROM channels WHERE kind = 'joint'`);
    return joint.id;
  }

  /** Organisations that exist, of those named. */
  async existingOrganisationIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM organisations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => row.id);
  }
}
