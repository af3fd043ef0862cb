import { KIT_LIMITS, type Kit } from '@samverkan/contracts';
import { checkText } from '@samverkan/text';

// How a kit shows in the list. The api works out `expired` and `daysUntilExpiry` in Malmö's calendar, so
// a phone with a wrong clock or time zone cannot mark a kit wrongly.

export type KitMark = 'expired' | 'expiring' | 'ok' | 'used' | 'discarded';

export function kitMark(kit: Kit): KitMark {
  if (kit.status === 'used') return 'used';
  if (kit.status === 'discarded') return 'discarded';
  if (kit.expired) return 'expired';
  return kit.daysUntilExpiry <= KIT_LIMITS.expiringSoonDays ? 'expiring' : 'ok';
}

const MARK_ORDER: Record<KitMark, number> = { expired: 0, expiring: 1, ok: 2, used: 3, discarded: 4 };

/** Kits needing attention first (expired, then expiring soonest), then the rest by expiry, used and discarded last. */
export function sortKits(kits: readonly Kit[]): Kit[] {
  return [...kits].sort(
    (a, b) =>
      MARK_ORDER[kitMark(a)] - MARK_ORDER[kitMark(b)] ||
      a.expiresOn.localeCompare(b.expiresOn) ||
      a.label.localeCompare(b.label, 'sv'),
  );
}

/** Kits carried on duty now: in service (expired ones too, so they are swapped out). */
export const isInService = (kit: Kit) => kit.status === 'in_service';

export interface KitDraft {
  label: string;
  batch: string;
  /** YYYY-MM-DD from a date input. */
  expiresOn: string;
}

export type KitField = keyof KitDraft;

type KitProblem = 'naloxone.kits.error.label' | 'naloxone.kits.error.batch' | 'naloxone.kits.error.expiresOn';

/** The api's text rules; a blank text is refused here too, as it names nothing. */
const badText = (value: string, field: KitField, max: number) =>
  value.trim() === '' || checkText(value, field, { min: 1, max }).length > 0;

/** What is wrong with a kit before it is sent: message keys by field. */
export function kitDraftProblems(draft: KitDraft): Partial<Record<KitField, KitProblem>> {
  const problems: Partial<Record<KitField, KitProblem>> = {};
  if (badText(draft.label, 'label', KIT_LIMITS.maxLabel)) problems.label = 'naloxone.kits.error.label';
  if (badText(draft.batch, 'batch', KIT_LIMITS.maxBatch)) problems.batch = 'naloxone.kits.error.batch';
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(draft.expiresOn) ||
    Number.isNaN(Date.parse(`${draft.expiresOn}T00:00:00Z`))
  ) {
    problems.expiresOn = 'naloxone.kits.error.expiresOn';
  }
  return problems;
}
