import type { Schedule, WeeklyWindow } from '@samverkan/contracts';
import { describeScheduleChange } from './schedule-diff';

const stockholm = (windows: WeeklyWindow[], exceptions?: Schedule['exceptions']): Schedule => ({
  timezone: 'Europe/Stockholm',
  windows,
  ...(exceptions ? { exceptions } : {}),
});

const weekdays = stockholm([{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }]);

describe('describeScheduleChange', () => {
  it('says nothing for the same hours, however the windows are written', () => {
    const split = stockholm([
      { days: [1, 2], from: '09:00', to: '17:00' },
      { days: [3, 4, 5], from: '09:00', to: '17:00' },
    ]);
    expect(describeScheduleChange(weekdays, split, 'en')).toEqual([]);
    expect(describeScheduleChange(null, null, 'sv')).toEqual([]);
  });

  it('names an added day with its hours, in both languages', () => {
    const withSaturday = stockholm([...weekdays.windows, { days: [6], from: '09:00', to: '17:00' }]);
    expect(describeScheduleChange(weekdays, withSaturday, 'en')).toEqual(['Adds Saturday 09:00–17:00']);
    expect(describeScheduleChange(weekdays, withSaturday, 'sv')).toEqual(['Lägger till lördag 09:00–17:00']);
  });

  it('names a removed day', () => {
    const noFriday = stockholm([{ days: [1, 2, 3, 4], from: '09:00', to: '17:00' }]);
    expect(describeScheduleChange(weekdays, noFriday, 'en')).toEqual(['Removes Friday 09:00–17:00']);
  });

  it('says a later end once for the days it applies to', () => {
    const later = stockholm([{ days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' }]);
    expect(describeScheduleChange(weekdays, later, 'en')).toEqual(['Monday–Friday: ends at 18:00 instead of 17:00']);
    expect(describeScheduleChange(weekdays, later, 'sv')).toEqual(['Måndag–fredag: slutar 18:00 i stället för 17:00']);
  });

  it('says an earlier start, and other changes as new hours instead of old', () => {
    const mixed = stockholm([
      { days: [1], from: '08:00', to: '17:00' },
      { days: [2, 3, 4, 5], from: '10:00', to: '16:00' },
    ]);
    expect(describeScheduleChange(weekdays, mixed, 'en')).toEqual([
      'Monday: starts at 08:00 instead of 09:00',
      'Tuesday–Friday: 10:00–16:00 instead of 09:00–17:00',
    ]);
  });

  it('marks an end past midnight', () => {
    const night = stockholm([{ days: [1, 2, 3, 4, 5], from: '09:00', to: '02:00' }]);
    expect(describeScheduleChange(weekdays, night, 'en')).toEqual(['Monday–Friday: ends at 02:00 (next day) instead of 17:00']);
  });

  it('tells always from set hours', () => {
    expect(describeScheduleChange(null, weekdays, 'en')).toEqual(['In force at set hours instead of always']);
    expect(describeScheduleChange(weekdays, null, 'sv')).toEqual(['Gäller alltid i stället för på bestämda tider']);
  });

  it('names added, removed and changed exceptions by date', () => {
    const before = stockholm(weekdays.windows, [
      { date: '2026-12-24', closed: true },
      { date: '2026-12-31', windows: [{ from: '09:00', to: '13:00' }] },
    ]);
    const after = stockholm(weekdays.windows, [
      { date: '2026-12-31', windows: [{ from: '09:00', to: '15:00' }] },
      { date: '2027-01-06', closed: true },
    ]);
    expect(describeScheduleChange(before, after, 'en')).toEqual([
      'Removes 2026-12-24: closed',
      '2026-12-31: 09:00–15:00 instead of 09:00–13:00',
      'Adds 2027-01-06: closed',
    ]);
  });
});
