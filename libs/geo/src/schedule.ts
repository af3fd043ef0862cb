import { DEFAULT_TIMEZONE, type ErrorDetail, type Schedule } from '@samverkan/contracts';
import { DateTime, IANAZone } from 'luxon';
import { ErrorList } from './error-list';
import { DAY_MS, MINUTE_MS, isoInZone, isoWeekdayOf, localMidnightOf, wallClockToInstant, zoneNamed } from './local-time';

export const SCHEDULE_LIMITS = { maxWindows: 50, maxExceptions: 366, maxWindowsPerException: 10 } as const;

/** How far ahead `evaluateZoneTime` looks for the end of a period or the next one. */
export const SCHEDULE_SEARCH_DAYS = 400;

const START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------
// Validation

/** Problems in a zone schedule; empty when it is valid. `null` is valid and means "always". */
export function validateSchedule(input: unknown, field = 'schedule'): ErrorDetail[] {
  if (input === null) return [];
  const errors = new ErrorList(field);
  if (!isObject(input)) {
    errors.add(field, 'must be an object { timezone, windows, exceptions? }, or null for always');
    return errors.details;
  }
  checkKnownKeys(input, ['timezone', 'windows', 'exceptions'], field, errors);
  checkTimezone(input.timezone, `${field}.timezone`, errors);
  checkArray(input.windows, `${field}.windows`, SCHEDULE_LIMITS.maxWindows, errors, checkWeeklyWindow);
  if (input.exceptions !== undefined) {
    const path = `${field}.exceptions`;
    if (checkArray(input.exceptions, path, SCHEDULE_LIMITS.maxExceptions, errors, checkException)) {
      checkDuplicateDates(input.exceptions as unknown[], path, errors);
    }
  }
  return errors.details;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Unknown keys are refused so that a typo ("day" for "days") is not silently ignored.
function checkKnownKeys(value: Record<string, unknown>, known: string[], path: string, errors: ErrorList): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) errors.add(`${path}.${key.slice(0, 40)}`, `is not a known field (expected ${known.join(', ')})`);
  }
}

function checkTimezone(value: unknown, path: string, errors: ErrorList): void {
  // Some engines accept offsets such as "+01:00" as time zones; schedules need a named zone with its DST rules.
  const valid = typeof value === 'string' && /^[A-Za-z]/.test(value) && IANAZone.isValidZone(value);
  if (valid) return;
  const given = typeof value === 'string' ? `${JSON.stringify(value.slice(0, 60))} is not` : 'must be';
  errors.add(path, `${given} an IANA time zone name such as "Europe/Stockholm"`);
}

/** Checks an array's length and then each item; true when the items were checked. */
function checkArray(
  value: unknown,
  path: string,
  max: number,
  errors: ErrorList,
  checkItem: (item: unknown, path: string, errors: ErrorList) => void,
): boolean {
  if (!Array.isArray(value)) {
    errors.add(path, 'must be an array');
    return false;
  }
  if (value.length > max) {
    errors.add(path, `has ${value.length} entries; at most ${max} are allowed`);
    return false;
  }
  for (let i = 0; i < value.length && !errors.isFull; i++) checkItem(value[i], `${path}[${i}]`, errors);
  return true;
}

function checkWeeklyWindow(window: unknown, path: string, errors: ErrorList): void {
  if (!isObject(window)) {
    errors.add(path, 'a window must be an object { days, from, to }');
    return;
  }
  checkKnownKeys(window, ['days', 'from', 'to'], path, errors);
  checkDays(window.days, `${path}.days`, errors);
  checkTimes(window, path, errors);
}

function checkDays(days: unknown, path: string, errors: ErrorList): void {
  if (!Array.isArray(days) || days.length === 0) {
    errors.add(path, 'must be a non-empty array of weekdays 1–7 (1 = Monday)');
    return;
  }
  if (days.length > 7) {
    errors.add(path, `lists ${days.length} days; a week has 7`);
    return;
  }
  days.forEach((day, i) => {
    if (!Number.isInteger(day) || day < 1 || day > 7) errors.add(`${path}[${i}]`, 'must be a weekday 1–7 (1 = Monday)');
    else if (days.indexOf(day) < i) errors.add(`${path}[${i}]`, `day ${day} is listed twice`);
  });
}

function checkTimes(window: Record<string, unknown>, path: string, errors: ErrorList): void {
  const { from, to } = window;
  const fromValid = typeof from === 'string' && START_TIME.test(from);
  const toValid = typeof to === 'string' && END_TIME.test(to);
  if (!fromValid) errors.add(`${path}.from`, 'must be a time "HH:MM" from 00:00 to 23:59');
  if (!toValid) errors.add(`${path}.to`, 'must be a time "HH:MM" from 00:00 to 24:00');
  if (fromValid && toValid && from === to) {
    errors.add(`${path}.to`, 'must differ from "from" (for a whole day use 00:00–24:00)');
  }
}

function checkException(exception: unknown, path: string, errors: ErrorList): void {
  if (!isObject(exception)) {
    errors.add(path, 'an exception must be an object { date, closed: true } or { date, windows }');
    return;
  }
  checkKnownKeys(exception, ['date', 'closed', 'windows'], path, errors);
  if (!isCalendarDate(exception.date)) errors.add(`${path}.date`, 'must be a calendar date "YYYY-MM-DD"');

  const hasClosed = exception.closed !== undefined;
  const hasWindows = exception.windows !== undefined;
  if (hasClosed && hasWindows) {
    errors.add(path, 'give either "closed": true or "windows", not both');
  } else if (hasClosed) {
    if (exception.closed !== true) errors.add(`${path}.closed`, 'must be true (give "windows" for special hours)');
  } else if (hasWindows) {
    checkArray(exception.windows, `${path}.windows`, SCHEDULE_LIMITS.maxWindowsPerException, errors, checkDatedWindow);
  } else {
    errors.add(path, 'needs "closed": true or "windows"');
  }
}

function checkDatedWindow(window: unknown, path: string, errors: ErrorList): void {
  if (!isObject(window)) {
    errors.add(path, 'a window must be an object { from, to }');
    return;
  }
  checkKnownKeys(window, ['from', 'to'], path, errors);
  checkTimes(window, path, errors);
}

function checkDuplicateDates(exceptions: unknown[], path: string, errors: ErrorList): void {
  const firstIndex = new Map<string, number>();
  exceptions.forEach((exception, i) => {
    if (!isObject(exception) || !isCalendarDate(exception.date)) return;
    const earlier = firstIndex.get(exception.date);
    if (earlier === undefined) firstIndex.set(exception.date, i);
    else errors.add(`${path}[${i}].date`, `${exception.date} is already listed at ${path}[${earlier}]`);
  });
}

/** A real calendar day written YYYY-MM-DD ("2026-02-30" is not one). */
export function isCalendarDate(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// ---------------------------------------------------------------------------------------------
// Evaluation
//
// Windows are local wall-clock times, expanded day by day and merged in wall-clock time (cheap: no
// time-zone lookups), then only the merged boundaries are turned into instants. DST follows
// `wallClockToInstant`: a skipped start moves to the end of the gap, a repeated time takes its first
// occurrence, and an end is its local end time on its local date, so a window can be an hour shorter
// or longer on a change day.

/** A stretch of time, [start, end) in epoch milliseconds (wall-clock or real, as the context says). */
interface Interval {
  start: number;
  end: number;
}

/** A window in minutes after the local midnight of the day it starts; `to` < `from` ends the next day. */
interface DailyWindow {
  from: number;
  to: number;
}

/** A schedule ready for evaluation: made once per zone version by a caller that keeps it (`compileSchedule`). */
export interface CompiledSchedule {
  zone: IANAZone;
  /** Indexed by ISO weekday (index 0 unused), each sorted by start. */
  weekly: DailyWindow[][];
  /** Keyed by the wall-clock midnight of the exception date; replaces that day's weekly windows. */
  exceptions: Map<number, DailyWindow[]>;
  /** Wall-clock time from which only weekly windows cover any moment: two days after the last exception date. */
  weeklyOnlyFrom: number;
}

/** The schedule's windows by weekday and its exceptions by date, for `ZoneTiming.compiled`. */
export function compileSchedule(schedule: Schedule): CompiledSchedule {
  return compile(schedule, zoneNamed(schedule.timezone));
}

function compile(schedule: Schedule, zone: IANAZone): CompiledSchedule {
  const byStart = (a: DailyWindow, b: DailyWindow) => a.from - b.from;
  const weekly = Array.from({ length: 8 }, () => [] as DailyWindow[]);
  for (const window of schedule.windows) {
    for (const day of window.days) weekly[day].push(toDailyWindow(window));
  }
  weekly.forEach((windows) => windows.sort(byStart));
  const exceptions = new Map(
    (schedule.exceptions ?? []).map((exception) => [
      Date.parse(exception.date), // a date-only ISO string parses as UTC midnight, i.e. wall-clock midnight
      'windows' in exception ? exception.windows.map(toDailyWindow).sort(byStart) : [],
    ]),
  );
  // A window ends before midnight two days after the day it starts, so no exception window reaches this.
  const weeklyOnlyFrom = Math.max(-Infinity, ...exceptions.keys()) + 2 * DAY_MS;
  return { zone, weekly, exceptions, weeklyOnlyFrom };
}

function toDailyWindow(window: { from: string; to: string }): DailyWindow {
  return { from: minutesOf(window.from), to: minutesOf(window.to) };
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Every window starting on the local dates firstDay…lastDay, in wall-clock time, ordered by start. */
function* wallClockWindows(schedule: CompiledSchedule, firstDay: number, lastDay: number): Generator<Interval> {
  for (let day = firstDay; day <= lastDay; day += DAY_MS) {
    const windows = schedule.exceptions.get(day) ?? schedule.weekly[isoWeekdayOf(day)];
    for (const { from, to } of windows) {
      const endDay = to < from ? day + DAY_MS : day;
      yield { start: day + from * MINUTE_MS, end: endDay + to * MINUTE_MS };
    }
  }
}

/**
 * Merges overlapping and touching intervals of a stream ordered by start; drops empty ones.
 * When `isEndless` says a merged interval can never end, it is yielded with end Infinity and the stream stops.
 */
function* mergeOverlapping(intervals: Iterable<Interval>, isEndless?: (merged: Interval) => boolean): Generator<Interval> {
  let current: Interval | undefined;
  for (const next of intervals) {
    if (next.end <= next.start) continue; // from == to, or a window wholly inside a skipped DST hour
    if (current && next.start <= current.end) {
      current = { start: current.start, end: Math.max(current.end, next.end) };
      if (isEndless?.(current)) {
        yield { start: current.start, end: Infinity };
        return;
      }
    } else {
      if (current) yield current;
      current = next;
    }
  }
  if (current) yield current;
}

function* toInstants(intervals: Iterable<Interval>, zone: IANAZone): Generator<Interval> {
  for (const { start, end } of intervals) {
    yield { start: wallClockToInstant(start, zone), end: end === Infinity ? end : wallClockToInstant(end, zone) };
  }
}

/**
 * Past the last exception the windows repeat every week, so a merged period covering a whole week
 * there covers every later moment too (say every day 00:00–24:00): it never ends.
 */
function coversAWeekOfRepeats(schedule: CompiledSchedule): (merged: Interval) => boolean {
  return ({ start, end }) => end - Math.max(start, schedule.weeklyOnlyFrom) >= 7 * DAY_MS;
}

/**
 * The merged in-force periods (real instants) that end after `from`, built from the windows that
 * start on local dates up to the one containing `to`. A period may start before `from` and end after `to`.
 */
function* periodsInForce(schedule: CompiledSchedule, from: number, to: number): Generator<Interval> {
  // Yesterday's windows can run past midnight into the day `from` falls on.
  const firstDay = localMidnightOf(from, schedule.zone) - DAY_MS;
  const lastDay = localMidnightOf(to, schedule.zone);
  const wallClock = mergeOverlapping(wallClockWindows(schedule, firstDay, lastDay), coversAWeekOfRepeats(schedule));
  // Merged again: a DST gap can make two wall-clock periods touch in real time.
  for (const period of mergeOverlapping(toInstants(wallClock, schedule.zone))) {
    if (period.end > from) yield period;
  }
}

/** The in-force periods of `schedule` between `from` and `to`, merged and clipped to [from, to). */
export function scheduleIntervals(schedule: Schedule, from: Date, to: Date): { start: Date; end: Date }[] {
  const [fromMs, toMs] = [instantOf(from, 'from'), instantOf(to, 'to')];
  const result: { start: Date; end: Date }[] = [];
  for (const period of periodsInForce(compile(schedule, zoneNamed(schedule.timezone)), fromMs, toMs)) {
    if (period.start >= toMs) break;
    result.push({ start: new Date(Math.max(period.start, fromMs)), end: new Date(Math.min(period.end, toMs)) });
  }
  return result;
}

export interface ZoneTiming {
  schedule: Schedule | null;
  /** `compileSchedule(schedule)`, when the caller keeps it (a version's schedule never changes); else made here. */
  compiled?: CompiledSchedule;
  /** ISO 8601 with offset (or a Date); null for no bound. */
  validFrom: string | Date | null;
  validUntil: string | Date | null;
}

export interface ZoneTimeState {
  inForce: boolean;
  /** When the current in-force period ends; null when not in force, or when it does not end. */
  until: string | null;
  /** When not in force: the next instant it comes into force, within the search horizon; otherwise null. */
  nextInForceAt: string | null;
}

const NEVER: ZoneTimeState = { inForce: false, until: null, nextInForceAt: null };

/**
 * Whether a zone's schedule and validity period put it in force at `at` (the zone's status is the
 * caller's concern). Times come back as ISO strings in the schedule's time zone (Europe/Stockholm
 * when the schedule is null).
 */
export function evaluateZoneTime(timing: ZoneTiming, at: Date): ZoneTimeState {
  const now = instantOf(at, 'at');
  const validFrom = timing.validFrom === null ? -Infinity : instantOf(timing.validFrom, 'validFrom');
  const validUntil = timing.validUntil === null ? Infinity : instantOf(timing.validUntil, 'validUntil');
  if (now >= validUntil || validFrom >= validUntil) return NEVER;

  const zone = zoneNamed(timing.schedule?.timezone ?? DEFAULT_TIMEZONE);
  // Periods that end before validFrom cannot matter, so the search starts at the later of the two.
  const searchFrom = Math.max(now, validFrom);
  const horizon = searchFrom + SCHEDULE_SEARCH_DAYS * DAY_MS;
  const period = timing.schedule
    ? periodsInForce(timing.compiled ?? compile(timing.schedule, zone), searchFrom, horizon).next().value
    : { start: -Infinity, end: Infinity };
  if (!period || period.start >= validUntil) return NEVER;

  const start = Math.max(period.start, validFrom);
  // A period still running at the horizon (it runs into exceptions dated beyond it) is taken as not ending.
  const end = Math.min(period.end > horizon ? Infinity : period.end, validUntil);
  const iso = (instant: number) => (Number.isFinite(instant) ? isoInZone(instant, zone) : null);
  return start <= now ? { inForce: true, until: iso(end), nextInForceAt: null } : { inForce: false, until: null, nextInForceAt: iso(start) };
}

function instantOf(value: string | Date, name: string): number {
  const instant = typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }).toMillis() : value.getTime();
  if (Number.isNaN(instant)) throw new RangeError(`${name} is not a valid time: ${String(value)}`);
  return instant;
}
