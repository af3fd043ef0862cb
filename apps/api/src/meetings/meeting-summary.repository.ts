import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MeetingSummary } from '@samverkan/contracts';

export interface Period {
  since: Date;
  until: Date;
}

/**
 * The alert counts of "since last meeting". They read messaging's tables (messages, alert acknowledgements),
 * read only: meetings may not import messaging (see .dependency-cruiser.cjs), and messaging is being reworked into
 * the realtime part; the query moves to messaging's repository once meetings can ask it through an event or a
 * port. Zone and action counts come from their owners.
 */
@Injectable()
export class MeetingSummaryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
