import type { Schedule } from '@samverkan/contracts';
import { evaluateZoneTime } from './schedule';

export interface OpeningState {
  openNow: boolean | null;
  closesAt: string | null;
  nextOpenAt: string | null;
}

/**
 * Whether a site is open at `at` by its schedule. Without a schedule nothing is claimed: all null. The api puts
 * it in each site it sends; the web app works it out for the site it shows (a list of sites carries none).
 */
export function openingState(schedule: Schedule | null, at: Date): OpeningState {
  if (schedule === null) return { openNow: null, closesAt: null, nextOpenAt: null };
  // The zones' evaluation with no validity bounds: open is "in force".
  const state = evaluateZoneTime({ schedule, validFrom: null, validUntil: null }, at);
  return { openNow: state.inForce, closesAt: state.until, nextOpenAt: state.nextInForceAt };
}
