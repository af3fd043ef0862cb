import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MeetingSummary, MessagePriority } from '@samverkan/contracts';
import type { AlertStatistics, Period } from '../meetings/alert-statistics';
import type { AuthUser } from '../auth/auth-user';
import { HotStatement, PreparedStatements } from '../database/prepared-statements';
import { CAN_SEE_CHANNEL, canSeeChannel, seesAllSharedChannels, viewerParams } from './channel-access';
import { EscalationRepository } from './escalation/escalation.repository';
import type { AlertAckRow, MessageRow } from './messaging.rows';

type Viewer = Pick<AuthUser, 'id' | 'organisationId' | 'role' | 'organisationKind'>;

const MESSAGE_COLUMNS = `m.id, m.channel_id, m.seq, m.client_id, m.author_id, u.display_name AS author_name, m.organisation_id,
  m.body, m.priority, m.created_at`;

/**
 * Stores one message in one statement, inside a transaction:
 * 1. the channel's counter row is bumped (only if the author may write there): its row lock orders concurrent
 *    senders, so seq is gap-free and committed in order;
 * 2. the message is inserted unless this author already used this clientId (the UNIQUE constraint decides, so
 *    concurrent resends cannot both insert);
 * 3. the author's read position moves to their own message.
 * No row back means a resend or a channel the author may not write to: the caller rolls back, so the counter
 * bump is undone and no seq is lost.
 */
const SEND_SQL = `
WITH channel AS (
  UPDATE channels c SET last_seq = c.last_seq + 1
  WHERE c.id = $5 AND c.archived_at IS NULL AND ${CAN_SEE_CHANNEL}
  RETURNING c.id, c.last_seq
), inserted AS (
  INSERT INTO messages (channel_id, seq, client_id, author_id, organisation_id, body, priority)
  SELECT channel.id, channel.last_seq, $6::uuid, $1::uuid, $2::uuid, $7::text, $8::text FROM channel
  ON CONFLICT (author_id, client_id) DO NOTHING
  RETURNING *
), author_read AS (
  INSERT INTO channel_reads (user_id, channel_id, last_read_seq)
  SELECT inserted.author_id, inserted.channel_id, inserted.seq FROM inserted
  ON CONFLICT (user_id, channel_id) DO UPDATE
    SET last_read_seq = GREATEST(channel_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
)
SELECT ${MESSAGE_COLUMNS.replace(/\bm\./g, 'inserted.')}
FROM inserted JOIN users u ON u.id = inserted.author_id`;

/**
 * Stores a batch of messages (sends that arrived within a few milliseconds) in one statement, with the same rules
 * as SEND_SQL for each. $1…$9 are arrays, one element per send, in arrival order:
 * - `locked`: the batch's channels, locked in id order, so concurrent batches (here or on other instances) queue
 *   and never deadlock; a row that another transaction changed meanwhile comes back as that one committed it, so
 *   the counters read there are the newest, and nothing else moves them before this statement commits;
 * - `accepted`: sends whose author may write to the channel and whose clientId the author has not used (a stored
 *   message, or an earlier send of this batch: those are resends, answered from the stored message);
 * - seqs follow the counters in arrival order, and the counters move to the last seq given.
 * A clientId that a concurrent transaction stored after this statement's snapshot makes the insert fail on the
 * UNIQUE constraint: the statement (and its seqs) is undone as a whole and the caller tries again.
 * The caller matches the rows to the sends by author and clientId (the first send of each pair, as DISTINCT ON
 * keeps the lowest idx).
 */
const SEND_BATCH_SQL = `
WITH locked AS MATERIALIZED (
  SELECT c.id, c.last_seq FROM channels c WHERE c.id = ANY($6::uuid[]) ORDER BY c.id FOR UPDATE
), input AS (
  SELECT * FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::boolean[], $5::boolean[], $6::uuid[], $7::uuid[], $8::text[], $9::text[])
    AS i(idx, author_id, organisation_id, sees_all, police, channel_id, client_id, body, priority)
), accepted AS (
  SELECT DISTINCT ON (i.author_id, i.client_id) i.*
  FROM input i JOIN channels c ON c.id = i.channel_id
  WHERE c.archived_at IS NULL
    AND ${canSeeChannel({ id: 'i.author_id', organisationId: 'i.organisation_id', seesAll: 'i.sees_all', police: 'i.police' })}
    AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.author_id = i.author_id AND m.client_id = i.client_id)
  ORDER BY i.author_id, i.client_id, i.idx
), numbered AS (
  SELECT a.*, l.last_seq + row_number() OVER (PARTITION BY a.channel_id ORDER BY a.idx) AS seq
  FROM accepted a JOIN locked l ON l.id = a.channel_id
), bumped AS (
  UPDATE channels c SET last_seq = n.last_seq
  FROM (SELECT channel_id, max(seq) AS last_seq FROM numbered GROUP BY channel_id) n
  WHERE c.id = n.channel_id
), inserted AS (
  INSERT INTO messages (channel_id, seq, client_id, author_id, organisation_id, body, priority)
  SELECT channel_id, seq, client_id, author_id, organisation_id, body, priority FROM numbered
  RETURNING *
), author_read AS (
  INSERT INTO channel_reads (user_id, channel_id, last_read_seq)
  SELECT author_id, channel_id, max(seq) FROM inserted GROUP BY author_id, channel_id
  ON CONFLICT (user_id, channel_id) DO UPDATE
    SET last_read_seq = GREATEST(channel_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
)
SELECT ${MESSAGE_COLUMNS.replace(/\bm\./g, 'inserted.')} FROM inserted JOIN users u ON u.id = inserted.author_id`;

/** Run for every batch of messages: prepared once per connection on a PostgreSQL server. */
const SEND_BATCH: HotStatement = { name: 'messages_send_batch', text: SEND_BATCH_SQL };

/** The constraint a resend meets (see SEND_BATCH_SQL). */
const AUTHOR_CLIENT_ID_KEY = 'messages_author_client_key';

/** Attempts of a batch that met concurrent resends, before the caller stores its sends one by one. */
const BATCH_ATTEMPTS = 3;


/** True when an escalation step of message `m` was sent to the viewer ($1). */
const WAS_TARGET = `EXISTS (SELECT 1 FROM alert_escalation_steps s WHERE s.message_id = m.id AND $1::uuid = ANY(s.user_ids))`;

export interface NewMessage {
  channelId: string;
  clientId: string;
  body: string;
  priority: MessagePriority;
}

/** One send of a batch; `now` counts an escalation's first step. */
export interface BatchedSend {
  author: Viewer;
  message: NewMessage;
  now: Date;
}

export interface HistoryWindow {
  afterSeq?: number;
  beforeSeq?: number;
  limit: number;
}

@Injectable()
export class MessagesRepository implements AlertStatistics {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly escalations: EscalationRepository,
    private readonly prepared: PreparedStatements,
  ) {}

  /**
   * The stored message, or null when nothing was inserted (see SEND_SQL). An urgent one in a channel that follows
   * an escalation policy gets its escalation in the same transaction, its first step due counting from `now`.
   */
  async insert(author: Viewer, message: NewMessage, now: Date): Promise<MessageRow | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const rows: MessageRow[] = await runner.query(SEND_SQL, [
        ...viewerParams(author),
        message.channelId,
        message.clientId,
        message.body,
        message.priority,
      ]);
      if (rows.length) {
        if (message.priority === 'urgent') await this.escalations.start(runner.manager, rows[0].id, now);
        await runner.commitTransaction();
        return rows[0];
      }
      await runner.rollbackTransaction();
      return null;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Stores a batch of sends in one transaction (see SEND_BATCH_SQL): for each send, in order, the stored message
   * or null (a resend, or a channel the author may not write to), all committed before this resolves. Urgent
   * ones start their escalation in the same transaction.
   */
  async insertBatch(sends: readonly BatchedSend[]): Promise<(MessageRow | null)[]> {
    const columns = {
      idx: sends.map((_, i) => i),
      authorId: sends.map((send) => send.author.id),
      organisationId: sends.map((send) => send.author.organisationId),
      seesAll: sends.map((send) => seesAllSharedChannels(send.author)),
      police: sends.map((send) => send.author.organisationKind === 'police'),
      channelId: sends.map((send) => send.message.channelId),
      clientId: sends.map((send) => send.message.clientId),
      body: sends.map((send) => send.message.body),
      priority: sends.map((send) => send.message.priority),
    };
    const parameters = Object.values(columns);
    // Without an urgent message the statement is its own transaction: one round trip to the database.
    const urgent = sends.some((send) => send.message.priority === 'urgent');
    for (let attempt = 1; ; attempt++) {
      try {
        if (!urgent) return this.matchToSends(sends, await this.prepared.query<MessageRow>(SEND_BATCH, parameters));
        return await this.dataSource.transaction(async (manager) => {
          const stored = this.matchToSends(sends, await manager.query(SEND_BATCH_SQL, parameters));
          for (const [idx, message] of stored.entries()) {
            if (message?.priority === 'urgent') await this.escalations.start(manager, message.id, sends[idx].now);
          }
          return stored;
        });
      } catch (error) {
        const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
        if (constraint !== AUTHOR_CLIENT_ID_KEY || attempt >= BATCH_ATTEMPTS) throw error;
      }
    }
  }

  /** For each send, its stored row, or null (a resend, a channel the author may not write to). */
  private matchToSends(sends: readonly BatchedSend[], rows: MessageRow[]): (MessageRow | null)[] {
    // UUIDs come back in lower case, whatever case the client wrote them in.
    const keyOf = (authorId: string, clientId: string) => `${authorId}/${clientId}`.toLowerCase();
    const byClient = new Map(rows.map((row) => [keyOf(row.author_id, row.client_id), row]));
    return sends.map((send) => {
      const key = keyOf(send.author.id, send.message.clientId);
      const row = byClient.get(key) ?? null;
      byClient.delete(key); // a later send of the same pair is a resend
      return row;
    });
  }

  async findByClientId(authorId: string, clientId: string): Promise<MessageRow | null> {
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.author_id WHERE m.author_id = $1 AND m.client_id = $2`,
      [authorId, clientId],
    );
    return rows[0] ?? null;
  }

  /**
   * A page of a channel's messages in seq order: after `afterSeq` the first `limit`, before `beforeSeq` the last
   * `limit` (both: the first `limit` between them), neither: the latest `limit`.
   */
  async page(channelId: string, window: HistoryWindow): Promise<MessageRow[]> {
    const conditions = ['m.channel_id = $1'];
    const params: unknown[] = [channelId];
    if (window.afterSeq !== undefined) {
      params.push(window.afterSeq);
      conditions.push(`m.seq > $${params.length}`);
    }
    if (window.beforeSeq !== undefined) {
      params.push(window.beforeSeq);
      conditions.push(`m.seq < $${params.length}`);
    }
    params.push(window.limit);
    const fromStart = window.afterSeq !== undefined;
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.author_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY m.seq ${fromStart ? 'ASC' : 'DESC'} LIMIT $${params.length}`,
      params,
    );
    return fromStart ? rows : rows.reverse();
  }

  /**
   * Moves the user's read position forward (never back). Returns the new position, or null when it did not move.
   */
  async markRead(userId: string, channelId: string, seq: number): Promise<number | null> {
    const rows: { last_read_seq: number }[] = await this.dataSource.query(
      `INSERT INTO channel_reads (user_id, channel_id, last_read_seq) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, channel_id) DO UPDATE SET last_read_seq = EXCLUDED.last_read_seq, updated_at = now()
         WHERE channel_reads.last_read_seq < EXCLUDED.last_read_seq
       RETURNING last_read_seq`,
      [userId, channelId, seq],
    );
    return rows.length ? Number(rows[0].last_read_seq) : null;
  }

  /** A message the viewer may see (through its channel), or null. */
  async findVisible(viewer: Viewer, messageId: string): Promise<MessageRow | null> {
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS}
       FROM messages m JOIN channels c ON c.id = m.channel_id JOIN users u ON u.id = m.author_id
       WHERE m.id = $5 AND ${CAN_SEE_CHANNEL}`,
      [...viewerParams(viewer), messageId],
    );
    return rows[0] ?? null;
  }

  /** A message in one transaction (the escalation worker's), or null. */
  async findById(manager: EntityManager, messageId: string): Promise<MessageRow | null> {
    const rows: MessageRow[] = await manager.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.author_id WHERE m.id = $1`,
      [messageId],
    );
    return rows[0] ?? null;
  }

  /**
   * A message with whether the viewer sees its channel and whether an escalation step was sent to them (who
   * was told may see and acknowledge the alert without seeing the channel); null when it does not exist.
   */
  async findWithAlertAccess(
    viewer: Viewer,
    messageId: string,
  ): Promise<(MessageRow & { sees_channel: boolean; was_target: boolean }) | null> {
    const rows: (MessageRow & { sees_channel: boolean; was_target: boolean })[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS}, ${CAN_SEE_CHANNEL} AS sees_channel, ${WAS_TARGET} AS was_target
       FROM messages m JOIN channels c ON c.id = m.channel_id JOIN users u ON u.id = m.author_id
       WHERE m.id = $5`,
      [...viewerParams(viewer), messageId],
    );
    return rows[0] ?? null;
  }

  /**
   * Records that the user has seen an urgent message; null when they had already acknowledged it. An
   * acknowledgement by anyone but the author ends the alert's escalation, in the same statement.
   */
  async insertAck(messageId: string, userId: string, organisationId: string): Promise<AlertAckRow | null> {
    const rows: AlertAckRow[] = await this.dataSource.query(
      `WITH ack AS (
         INSERT INTO alert_acks (message_id, user_id, organisation_id) VALUES ($1, $2, $3)
         ON CONFLICT (message_id, user_id) DO NOTHING
         RETURNING message_id, user_id, organisation_id, acked_at
       ), stopped AS (
         UPDATE alert_escalations e SET state = 'acknowledged', next_at = NULL, updated_at = now()
         FROM ack JOIN messages m ON m.id = ack.message_id
         WHERE e.message_id = ack.message_id AND e.state IN ('open', 'exhausted') AND ack.user_id <> m.author_id
       )
       SELECT * FROM ack`,
      [messageId, userId, organisationId],
    );
    return rows[0] ?? null;
  }

  async acksOf(messageId: string): Promise<AlertAckRow[]> {
    return this.dataSource.query(
      `SELECT message_id, user_id, organisation_id, acked_at FROM alert_acks WHERE message_id = $1 ORDER BY acked_at, user_id`,
      [messageId],
    );
  }

  /**
   * Urgent messages since `since` in channels the viewer may see, written by others after the viewer's account
   * existed, that the viewer has not acknowledged: oldest first.
   */
  pendingAlerts(viewer: Viewer, since: Date, limit: number): Promise<MessageRow[]> {
    return this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS}
       FROM messages m JOIN channels c ON c.id = m.channel_id JOIN users u ON u.id = m.author_id
       WHERE m.priority = 'urgent' AND m.created_at >= $5 AND m.author_id <> $1::uuid
         AND m.created_at >= (SELECT me.created_at FROM users me WHERE me.id = $1::uuid)
         AND NOT EXISTS (SELECT 1 FROM alert_acks a WHERE a.message_id = m.id AND a.user_id = $1::uuid)
         AND (${CAN_SEE_CHANNEL} OR ${WAS_TARGET})
       ORDER BY m.created_at, m.id
       LIMIT $6`,
      [...viewerParams(viewer), since, limit],
    );
  }

  /** Deletes messages written before `cutoff` (their acknowledgements go with them); returns how many. */
  async deleteOlderThan(manager: EntityManager, cutoff: Date): Promise<number> {
    const rows: { deleted: string }[] = await manager.query(
      `WITH deleted AS (DELETE FROM messages WHERE created_at < $1 RETURNING 1) SELECT count(*) AS deleted FROM deleted`,
      [cutoff],
    );
    return Number(rows[0].deleted);
  }

  /**
   * Urgent messages sent in the period by members of the organisations, and how long each waited for its first
   * acknowledgement by someone other than its sender (acknowledgements up to now count).
   */
  async alertCounts(organisationIds: string[], period: Period): Promise<MeetingSummary['alerts']> {
    const rows: { total: number; acknowledged: number; median: number | null; max: number | null }[] =
      await this.dataSource.query(
        `WITH alerts AS (
         SELECT m.created_at,
                (SELECT min(a.acked_at) FROM alert_acks a WHERE a.message_id = m.id AND a.user_id <> m.author_id) AS first_ack
         FROM messages m
         WHERE m.priority = 'urgent' AND m.organisation_id = ANY($1::uuid[]) AND m.created_at >= $2 AND m.created_at < $3
       ), waits AS (
         SELECT GREATEST(0, extract(epoch FROM first_ack - created_at))::float8 AS seconds FROM alerts WHERE first_ack IS NOT NULL
       )
       SELECT (SELECT count(*) FROM alerts)::int AS total,
              (SELECT count(*) FROM waits)::int AS acknowledged,
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FROM waits) AS median,
              (SELECT max(seconds) FROM waits) AS max`,
        [organisationIds, period.since, period.until],
      );
    const { total, acknowledged, median, max } = rows[0];
    return {
      total,
      acknowledged,
      unacknowledged: total - acknowledged,
      medianAckSeconds: median === null ? null : Math.round(Number(median)),
      maxAckSeconds: max === null ? null : Math.round(Number(max)),
    };
  }
}
