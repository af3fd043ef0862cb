import { REPORT_LIMITS, reportOccurredAtProblem } from '@samverkan/contracts';

// The api's words for when a report may say something happened (the rule: reportOccurredAtProblem in
// libs/contracts). Who sees and changes reports: libs/contracts (report-access.ts).

/**
 * Why `occurredAt` cannot be accepted (the 400's message), or null: not in the future (a phone's clock may run a
 * couple of minutes ahead) and not older than 90 days.
 */
export function occurredAtProblem(occurredAt: Date, now: Date): string | null {
  switch (reportOccurredAtProblem(occurredAt, now)) {
    case 'in_future':
      return 'must not be in the future';
    case 'too_old':
      return `must be within the last ${REPORT_LIMITS.maxAgeDays} days`;
    case null:
      return null;
  }
}
