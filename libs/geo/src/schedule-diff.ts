import type { Schedule, ScheduleException } from '@samverkan/contracts';
import type { ScheduleLanguage } from './schedule-words';

const WORDS = {
  en: {
    days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    adds: (what: string) => `adds ${what}`,
    removes: (what: string) => `removes ${what}`,
    instead: (now: string, before: string) => `${now} instead of ${before}`,
    startsAt: (now: string, before: string) => `starts at ${now} instead of ${before}`,
    endsAt: (now: string, before: string) => `ends at ${now} instead of ${before}`,
    nextDay: '(next day)',
    closed: 'closed',
    alwaysNow: 'always in force instead of at set hours',
    hoursNow: 'in force at set hours instead of always',
    timeZone: (now: string, before: string) => `time zone ${now} instead of ${before}`,
  },
  sv: {
    days: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
    adds: (what: string) => `lägger till ${what}`,
    removes: (what: string) => `tar bort ${what}`,
    instead: (now: string, before: string) => `${now} i stället för ${before}`,
    startsAt: (now: string, before: string) => `börjar ${now} i stället för ${before}`,
    endsAt: (now: string, before: string) => `slutar ${now} i stället för ${before}`,
    nextDay: '(nästa dag)',
    closed: 'stängt',
    alwaysNow: 'gäller alltid i stället för på bestämda tider',
    hoursNow: 'gäller på bestämda tider i stället för alltid',
    timeZone: (now: string, before: string) => `tidszon ${now} i stället för ${before}`,
  },
} as const;

type Words = (typeof WORDS)[ScheduleLanguage];

interface Hours {
  from: string;
  to: string;
}

/**
 * What changed from one schedule to another, as short phrases for the people who sign it: "adds Saturday
 * 09:00–17:00", "Monday–Friday: ends at 18:00 instead of 17:00", "removes 2026-12-24: closed". Days that changed
 * alike share a phrase. An empty list: the two schedules apply at the same hours.
 */
export function describeScheduleChange(before: Schedule | null, after: Schedule | null, lang: ScheduleLanguage): string[] {
  const words = WORDS[lang];
  if (before === null && after === null) return [];
  if (before === null) return [capitalise(words.hoursNow)];
  if (after === null) return [capitalise(words.alwaysNow)];

  const lines: string[] = [];
  if (before.timezone !== after.timezone) lines.push(words.timeZone(after.timezone, before.timezone));

  // Each day's change as a phrase; consecutive days with the same phrase are named together.
  const byPhrase = new Map<string, number[]>();
  for (let day = 1; day <= 7; day++) {
    const phrase = dayChange(hoursOn(before, day), hoursOn(after, day), words);
    if (phrase === null) continue;
    byPhrase.set(phrase.key, [...(byPhrase.get(phrase.key) ?? []), day]);
  }
  for (const [key, days] of byPhrase) {
    const { kind, text } = JSON.parse(key) as { kind: 'adds' | 'removes' | 'changes'; text: string };
    const dayNames = describeDays(days, words);
    if (kind === 'adds') lines.push(words.adds(`${dayNames} ${text}`));
    else if (kind === 'removes') lines.push(words.removes(`${dayNames} ${text}`));
    else lines.push(`${capitalise(dayNames)}: ${text}`);
  }

  const beforeExceptions = exceptionsByDate(before);
  const afterExceptions = exceptionsByDate(after);
  const dates = [...new Set([...beforeExceptions.keys(), ...afterExceptions.keys()])].sort();
  for (const date of dates) {
    const was = beforeExceptions.get(date);
    const now = afterExceptions.get(date);
    if (was === now) continue;
    if (was === undefined) lines.push(words.adds(`${date}: ${now}`));
    else if (now === undefined) lines.push(words.removes(`${date}: ${was}`));
    else lines.push(`${date}: ${words.instead(now, was)}`);
  }
  return lines.map(capitalise);

  function exceptionsByDate(schedule: Schedule): Map<string, string> {
    return new Map((schedule.exceptions ?? []).map((exception) => [exception.date, describeException(exception, words)]));
  }
}

/** The windows that start on `day`, sorted, without repeats. */
function hoursOn(schedule: Schedule, day: number): Hours[] {
  const seen = new Map<string, Hours>();
  for (const window of schedule.windows) {
    if ((window.days as number[]).includes(day)) seen.set(`${window.from}-${window.to}`, { from: window.from, to: window.to });
  }
  return [...seen.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

function dayChange(before: Hours[], after: Hours[], words: Words): { key: string } | null {
  const was = before.map((hours) => describeHours(hours, words)).join(', ');
  const now = after.map((hours) => describeHours(hours, words)).join(', ');
  if (was === now) return null;
  const key = (kind: 'adds' | 'removes' | 'changes', text: string) => ({ key: JSON.stringify({ kind, text }) });
  if (before.length === 0) return key('adds', now);
  if (after.length === 0) return key('removes', was);
  if (before.length === 1 && after.length === 1) {
    const [b] = before;
    const [a] = after;
    if (a.from === b.from) return key('changes', words.endsAt(endOf(a, words), endOf(b, words)));
    if (a.to === b.to) return key('changes', words.startsAt(a.from, b.from));
  }
  return key('changes', words.instead(now, was));
}

function endOf(hours: Hours, words: Words): string {
  return hours.to < hours.from ? `${hours.to} ${words.nextDay}` : hours.to;
}

function describeHours(hours: Hours, words: Words): string {
  return `${hours.from}–${endOf(hours, words)}`;
}

function describeException(exception: ScheduleException, words: Words): string {
  const windows = 'windows' in exception ? exception.windows : [];
  if (windows.length === 0) return words.closed;
  return windows.map((hours) => describeHours(hours, words)).join(', ');
}

/** "Monday, Wednesday–Friday": runs of three or more days become ranges. */
function describeDays(days: number[], words: Words): string {
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === day - 1) run.push(day);
    else runs.push([day]);
  }
  const name = (day: number) => words.days[day - 1];
  return runs.map((run) => (run.length >= 3 ? `${name(run[0])}–${name(run[run.length - 1])}` : run.map(name).join(', '))).join(', ');
}

function capitalise(line: string): string {
  return line.charAt(0).toUpperCase() + line.slice(1);
}
