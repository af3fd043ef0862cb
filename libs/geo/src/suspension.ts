import { ZONE_LIMITS } from '@samverkan/contracts';
import { DAY_MS } from './local-time';

/** Why a suspension's end time is refused: the codes the api answers as `reason` and the app words. */
export type SuspensionUntilProblem = 'not_in_future' | 'too_far_ahead';

/**
 * Whether a suspension with this end has ended at `at`. The api's in-force rule and the app's display both
 * ask this, so a zone whose suspension ran out is in force again by its agreed version everywhere at once.
 */
export function suspensionEnded(
  suspension: { until: string | Date | null } | null | undefined,
  at: Date,
): boolean {
  if (!suspension?.until) return false;
  const until =
    typeof suspension.until === 'string' ? Date.parse(suspension.until) : suspension.until.getTime();
  return at.getTime() >= until;
}

/** A suspension's end must lie ahead of `now`, and at most `ZONE_LIMITS.maxSuspensionDays` ahead. */
export function suspensionUntilProblem(until: Date, now: Date): SuspensionUntilProblem | null {
  if (until.getTime() <= now.getTime()) return 'not_in_future';
  if (until.getTime() - now.getTime() > ZONE_LIMITS.maxSuspensionDays * DAY_MS) return 'too_far_ahead';
  return null;
}
