import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MeetingSummary } from '@samverkan/contracts';

export interface Period {
  since: Date;
  until: Date;
}

/**
 * The counts of "since last meeting", read from the tables of the features they count (the audit log for zones,
 * messages and acknowledgements for alerts; field reports are counted by the reports module): counts only, never
 * a position or a person.
 */
@Injectable()
export class MeetingSummaryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Zones of the organisations' sites, each counted once per kind of event in the period: proposed (created or
   * given a new version, which is always proposed), agreed, suspended, withdrawn. From the audit log, which keeps
   * every change of status with its time; the zone tables keep only the latest.
   */
  async zoneCounts(organisationIds: string[], period: Period): Promise<MeetingSummary['zones']> {
    const rows: MeetingSummary['zones'][] = await this.dataSource.query(
      `SELECT count(DISTINCT z.id) FILTER (WHERE e.action IN ('create', 'update'))::int AS proposed,
              count(DISTINCT z.id) FILTER (WHERE e.action = 'agree')::int AS agreed,
              count(DISTINCT z.id) FILTER (WHERE e.action = 'suspend')::int AS suspended,
              count(DISTINCT z.id) FILTER (WHERE e.action = 'withdraw')::int AS withdrawn
       FROM audit_events e
       JOIN zones z ON z.id::text = e.entity_id
       JOIN sites s ON s.id = z.site_id
       WHERE e.entity = 'zone' AND e.at >= $2 AND e.at < $3 AND s.organisation_id = ANY($1::uuid[])`,
      [organisationIds, period.since, period.until],
    );
    return rows[0];
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

  /** Actions of the series' meetings that start no later than `upTo`: open now, overdue on `today`, done in the period. */
  async actionCounts(
    seriesKey: string,
    upTo: Date,
    today: string,
    period: Period,
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
