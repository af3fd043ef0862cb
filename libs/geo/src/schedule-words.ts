import { DEFAULT_TIMEZONE, type Schedule, type ScheduleException } from '@samverkan/contracts';

export type ScheduleLanguage = 'sv' | 'en';

const WORDS = {
  en: {
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    everyDay: 'Every day',
    always: 'Always',
    nextDay: '(next day)',
    closed: 'closed',
    noWeeklyHours: 'No weekly hours',
    timeZone: 'Time zone',
  },
  sv: {
    days: ['mån', 'tis', 'ons', 'tor', 'fre', 'lör', 'sön'],
    everyDay: 'alla dagar',
    always: 'Alltid',
    nextDay: '(nästa dag)',
    closed: 'stängt',
    noWeeklyHours: 'Inga veckotider',
    timeZone: 'Tidszon',
  },
} as const;

type Words = (typeof WORDS)[ScheduleLanguage];

/**
 * A schedule as lines for people: weekly windows with the same hours share a line ("Mon–Fri 09:00–16:00"),
 * then the exceptions by date, then the time zone when it is not Europe/Stockholm.
 */
export function describeSchedule(schedule: Schedule | null, lang: ScheduleLanguage): string[] {
  const words = WORDS[lang];
  if (schedule === null) return [words.always];

  const lines = daysByHours(schedule).map(({ days, from, to }) => capitalise(`${describeDays(days, words)} ${describeHours(from, to, words)}`));
  if (lines.length === 0) lines.push(words.noWeeklyHours);
  const exceptions = [...(schedule.exceptions ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  for (const exception of exceptions) lines.push(`${exception.date}: ${describeException(exception, words)}`);
  if (schedule.timezone !== DEFAULT_TIMEZONE) lines.push(`${words.timeZone}: ${schedule.timezone}`);
  return lines;
}

/** The weekly windows grouped by their hours, each with the sorted days it starts on, ordered by first day then start. */
function daysByHours(schedule: Schedule): { days: number[]; from: string; to: string }[] {
  const groups = new Map<string, { days: Set<number>; from: string; to: string }>();
  for (const { days, from, to } of schedule.windows) {
    const key = `${from}-${to}`;
    const group = groups.get(key) ?? { days: new Set<number>(), from, to };
    days.forEach((day) => group.days.add(day));
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ days, from, to }) => ({ days: [...days].sort((a, b) => a - b), from, to }))
    .sort((a, b) => a.days[0] - b.days[0] || a.from.localeCompare(b.from));
}

/** "Mon, Wed–Fri": runs of three or more days become ranges. */
function describeDays(days: number[], words: Words): string {
  if (days.length === 7) return words.everyDay;
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === day - 1) run.push(day);
    else runs.push([day]);
  }
  const name = (day: number) => words.days[day - 1];
  return runs
    .map((run) => (run.length >= 3 ? `${name(run[0])}–${name(run[run.length - 1])}` : run.map(name).join(', ')))
    .join(', ');
}

function describeHours(from: string, to: string, words: Words): string {
  return to < from ? `${from}–${to} ${words.nextDay}` : `${from}–${to}`;
}

function describeException(exception: ScheduleException, words: Words): string {
  const windows = 'windows' in exception ? exception.windows : [];
  if (windows.length === 0) return words.closed;
  return windows.map(({ from, to }) => describeHours(from, to, words)).join(', ');
}

function capitalise(line: string): string {
  return line.charAt(0).toUpperCase() + line.slice(1);
}
