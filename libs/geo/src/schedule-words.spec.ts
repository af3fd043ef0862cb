import type { Schedule, WeeklyWindow } from '@samverkan/contracts';
import { describeSchedule } from './schedule-words';

const stockholm = (windows: WeeklyWindow[], exceptions?: Schedule['exceptions']): Schedule => ({
  timezone: 'Europe/Stockholm',
  windows,
  ...(exceptions ? { exceptions } : {}),
});

describe('describeSchedule', () => {
  it('says always for no schedule', () => {
    expect(describeSchedule(null, 'en')).toEqual(['Always']);
    expect(describeSchedule(null, 'sv')).toEqual(['Alltid']);
  });

  it('groups consecutive weekdays into a range', () => {
    const schedule = stockholm([{ days: [1, 2, 3, 4, 5], from: '09:00', to: '16:00' }]);
    expect(describeSchedule(schedule, 'en')).toEqual(['Mon–Fri 09:00–16:00']);
    expect(describeSchedule(schedule, 'sv')).toEqual(['Mån–fre 09:00–16:00']);
  });

  it('marks a window that runs past midnight', () => {
    const schedule = stockholm([{ days: [6], from: '22:00', to: '02:00' }]);
    expect(describeSchedule(schedule, 'en')).toEqual(['Sat 22:00–02:00 (next day)']);
    expect(describeSchedule(schedule, 'sv')).toEqual(['Lör 22:00–02:00 (nästa dag)']);
  });

  it('says every day for all seven days', () => {
    const schedule = stockholm([{ days: [7, 1, 2, 3, 4, 5, 6], from: '00:00', to: '24:00' }]);
    expect(describeSchedule(schedule, 'en')).toEqual(['Every day 00:00–24:00']);
    expect(describeSchedule(schedule, 'sv')).toEqual(['Alla dagar 00:00–24:00']);
  });

  it.each([
    [[1, 3, 4, 5], 'Mon, Wed–Fri', 'Mån, ons–fre'],
    [[6, 7], 'Sat, Sun', 'Lör, sön'],
    [[1, 2, 4, 5, 6], 'Mon, Tue, Thu–Sat', 'Mån, tis, tor–lör'],
    [[7, 1], 'Mon, Sun', 'Mån, sön'],
    [[5, 3, 4], 'Wed–Fri', 'Ons–fre'],
  ])('names the days %p', (days, english, swedish) => {
    const schedule = stockholm([{ days: days as WeeklyWindow['days'], from: '09:00', to: '12:00' }]);
    expect(describeSchedule(schedule, 'en')).toEqual([`${english} 09:00–12:00`]);
    expect(describeSchedule(schedule, 'sv')).toEqual([`${swedish} 09:00–12:00`]);
  });

  it('joins windows with the same hours and orders lines by first day, then start', () => {
    const schedule = stockholm([
      { days: [6], from: '22:00', to: '02:00' },
      { days: [3, 4, 5], from: '09:00', to: '16:00' },
      { days: [1, 2], from: '09:00', to: '16:00' },
      { days: [1], from: '18:00', to: '20:00' },
    ]);
    expect(describeSchedule(schedule, 'en')).toEqual(['Mon–Fri 09:00–16:00', 'Mon 18:00–20:00', 'Sat 22:00–02:00 (next day)']);
  });

  it('lists exceptions by date after the weekly hours', () => {
    const schedule = stockholm(
      [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '16:00' }],
      [
        { date: '2026-12-31', windows: [{ from: '10:00', to: '14:00' }, { from: '20:00', to: '03:00' }] },
        { date: '2026-12-24', closed: true },
        { date: '2026-12-26', windows: [] },
      ],
    );
    expect(describeSchedule(schedule, 'en')).toEqual([
      'Mon–Fri 09:00–16:00',
      '2026-12-24: closed',
      '2026-12-26: closed',
      '2026-12-31: 10:00–14:00, 20:00–03:00 (next day)',
    ]);
    expect(describeSchedule(schedule, 'sv')).toEqual([
      'Mån–fre 09:00–16:00',
      '2026-12-24: stängt',
      '2026-12-26: stängt',
      '2026-12-31: 10:00–14:00, 20:00–03:00 (nästa dag)',
    ]);
  });

  it('says when there are no weekly hours', () => {
    const schedule = stockholm([], [{ date: '2026-06-06', windows: [{ from: '12:00', to: '18:00' }] }]);
    expect(describeSchedule(schedule, 'en')).toEqual(['No weekly hours', '2026-06-06: 12:00–18:00']);
    expect(describeSchedule(schedule, 'sv')).toEqual(['Inga veckotider', '2026-06-06: 12:00–18:00']);
  });

  it('names a time zone other than Europe/Stockholm', () => {
    const schedule: Schedule = { timezone: 'America/New_York', windows: [{ days: [1], from: '09:00', to: '17:00' }] };
    expect(describeSchedule(schedule, 'en')).toEqual(['Mon 09:00–17:00', 'Time zone: America/New_York']);
    expect(describeSchedule(schedule, 'sv')).toEqual(['Mån 09:00–17:00', 'Tidszon: America/New_York']);
  });

  it('does not change the schedule it describes', () => {
    const schedule = stockholm([{ days: [5, 1], from: '09:00', to: '16:00' }], [{ date: '2026-12-31', closed: true }, { date: '2026-12-24', closed: true }]);
    const copy = structuredClone(schedule);
    describeSchedule(schedule, 'en');
    expect(schedule).toEqual(copy);
  });
});
