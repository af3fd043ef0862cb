import type { MeetingSummary } from '@samverkan/contracts';

/** A stretch of time the summary counts over: from `since` up to, not including, `until`. */
export interface Period {
  since: Date;
  until: Date;
}

/**
 * What "since last meeting" needs to know of urgent alerts. Messaging owns messages and acknowledgements and
 * provides this (meetings may not import messaging): the summary asks through this class as a Nest token.
 */
export abstract class AlertStatistics {
  /**
   * Urgent messages sent in the period by members of the organisations, and how long each waited for its first
   * acknowledgement by someone other than its sender (acknowledgements up to now count).
   */
  abstract alertCounts(organisationIds: string[], period: Period): Promise<MeetingSummary['alerts']>;
}
