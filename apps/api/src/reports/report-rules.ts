import { REPORT_LIMITS } from '@samverkan/contracts';

// When a report may say something happened. Who sees and changes reports: libs/contracts (report-access.ts).

const DAY_MS = 86_400_000;

/**
 * Why `occurredAt` cannot be accepted, or null: not in the future (a phone's clock may run a couple of
 * minutes ahead) and not older than 90 days.
 */
export function occurredAtProblem(occurredAt: Date, now: Date): string | null {
  if (occurredAt.getTime() > now.getTime() + REPORT_LIMITS.clockSkewSeconds * 1000) return 'must not be in the future';
  if (occurredAt.getTime() < now.getTime() - REPORT_LIMITS.maxAgeDays * DAY_MS) {
    return `must be within the last ${REPORT_LIMITS.maxAgeDays} days`;
  }
  return null;
}
