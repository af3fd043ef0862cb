import { DEFAULT_TIMEZONE } from '@samverkan/contracts';
import type { Language } from './dictionary';

// Dates, times and numbers in the user's language, always in Malmö's time (Europe/Stockholm): an officer
// reading "until 16:00" on a phone set to another time zone must see the zone's local time.

export const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

const formats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { timeZone: DEFAULT_TIMEZONE, ...options });
    formats.set(key, format);
  }
  return format;
}

const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/** "14:05" */
export function formatTime(value: string | Date, language: Language): string {
  return dateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    toDate(value),
  );
}

/** "25 nov. 2025" / "25 Nov 2025" */
export function formatDate(value: string | Date, language: Language): string {
  return dateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric' }).format(toDate(value));
}

/** "tis 25 nov. 14:05" / "Tue 25 Nov, 14:05" */
export function formatDateTime(value: string | Date, language: Language): string {
  return dateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(toDate(value));
}

/** The calendar day in Stockholm, "2025-11-25", for comparing days. */
export function stockholmDay(value: string | Date): string {
  // The Swedish locale writes dates as YYYY-MM-DD.
  return dateTimeFormat('sv', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(toDate(value));
}

export type DayRelation = 'today' | 'tomorrow' | 'other';

/** Whether `value` falls today or tomorrow in Stockholm, seen from `now`. */
export function dayRelation(value: string | Date, now: Date): DayRelation {
  const day = stockholmDay(value);
  if (day === stockholmDay(now)) return 'today';
  // Noon-to-noon steps stay on the right calendar day across daylight saving changes.
  const tomorrow = new Date(Date.parse(`${stockholmDay(now)}T12:00:00Z`) + 86_400_000);
  return day === stockholmDay(tomorrow) ? 'tomorrow' : 'other';
}

/** "120 m", "1,2 km" / "1.2 km" */
export function formatDistance(meters: number, language: Language): string {
  if (meters < 1000) {
    return `${new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 }).format(Math.round(meters))} m`;
  }
  return `${new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 }).format(meters / 1000)} km`;
}

/** A `YYYY-MM-DDTHH:MM` value for `<input type="datetime-local">`, in Stockholm time. */
export function toLocalInputValue(value: string | Date): string {
  const parts = Object.fromEntries(
    dateTimeFormat('sv', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(toDate(value))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * The instant of a Stockholm wall-clock time `YYYY-MM-DDTHH:MM` (from a datetime-local input), as ISO 8601
 * with its offset. A time skipped by the spring change moves forward an hour; a repeated one takes the first.
 */
export function fromLocalInputValue(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const wallClock = Date.UTC(year, month - 1, day, hour, minute);
  // Stockholm is UTC+1 or UTC+2: try both offsets and keep the one that reads back as the same wall clock.
  for (const offsetHours of [2, 1]) {
    const instant = new Date(wallClock - offsetHours * 3_600_000);
    if (toLocalInputValue(instant) === local) return withOffset(instant, offsetHours);
  }
  return withOffset(new Date(wallClock - 3_600_000), 1);
}

function withOffset(instant: Date, offsetHours: number): string {
  const local = new Date(instant.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 19);
  return `${local}+0${offsetHours}:00`;
}
