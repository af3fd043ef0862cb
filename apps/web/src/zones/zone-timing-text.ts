import type { ZoneProperties, ZoneSummary } from '@samverkan/contracts';
import type { Language } from '../i18n/dictionary';
import { dayRelation, formatDateTime, formatTime } from '../i18n/format';
import type { Translate } from '../i18n/i18n';
import type { ZoneDisplayState } from './zone-display';

/** "16:00", "tomorrow 02:00" or "Tue 25 Nov, 16:00": as short as still unambiguous, in Stockholm time. */
export function whenText(iso: string, now: Date, language: Language, t: Translate): string {
  switch (dayRelation(iso, now)) {
    case 'today':
      return formatTime(iso, language);
    case 'tomorrow':
      return t('time.tomorrowAt', { time: formatTime(iso, language) });
    case 'other':
      return formatDateTime(iso, language);
  }
}

/** A version's validity period, "from – until" ("open" for a missing end); "until further notice" with neither. */
export function validityText(
  validFrom: string | null,
  validUntil: string | null,
  language: Language,
  t: Translate,
): string {
  if (!validFrom && !validUntil) return t('zone.validity.always');
  const from = validFrom ? formatDateTime(validFrom, language) : t('zone.validity.open');
  const until = validUntil ? formatDateTime(validUntil, language) : t('zone.validity.open');
  return `${from} – ${until}`;
}

type Timing = Pick<ZoneProperties, 'inForce' | 'until' | 'nextInForceAt'>;

/** One sentence: whether the zone applies now, and until when or from when. */
export function timingSentence(
  state: ZoneDisplayState,
  timing: Timing,
  now: Date,
  language: Language,
  t: Translate,
): string {
  switch (state) {
    case 'in-force':
      return timing.until
        ? t('zone.timing.inForceUntil', { when: whenText(timing.until, now, language, t) })
        : t('zone.timing.inForceNoEnd');
    case 'outside-hours':
      return timing.nextInForceAt
        ? t('zone.timing.notNowFrom', { when: whenText(timing.nextInForceAt, now, language, t) })
        : t('zone.timing.notAgain');
    case 'proposed':
      return t('zone.timing.proposed');
    case 'suspended':
      return t('zone.timing.suspended');
    case 'withdrawn':
      return t('zone.timing.withdrawn');
  }
}

/** For a check result: "in force until 16:00" / "not in force now, from 09:00" / "not in force now". */
export function summaryTimingText(zone: ZoneSummary, now: Date, language: Language, t: Translate): string {
  if (zone.inForce) {
    return zone.until
      ? t('check.zone.inForceUntil', { when: whenText(zone.until, now, language, t) })
      : t('check.zone.inForce');
  }
  return zone.nextInForceAt
    ? t('check.zone.notNowFrom', { when: whenText(zone.nextInForceAt, now, language, t) })
    : t('check.zone.notInForce');
}
