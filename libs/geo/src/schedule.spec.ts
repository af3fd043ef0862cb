import type { Schedule, ScheduleException, WeeklyWindow } from '@samverkan/contracts';
import { MAX_ERROR_DETAILS } from './error-list';
import { SCHEDULE_LIMITS, evaluateZoneTime, scheduleIntervals, validateSchedule, type ZoneTiming } from './schedule';

// Dates used below (2026): Mon 23 Nov, Wed 25 Nov, Thu 24 Dec, Thu 31 Dec, Fri 1 Jan 2027.
// Europe/Stockholm is +01:00 in winter and +02:00 in summer; it changes on Sun 29 Mar and Sun 25 Oct.

const WEEKDAYS: WeeklyWindow['days'] = [1, 2, 3, 4, 5];
const EVERY_DAY: WeeklyWindow['days'] = [1, 2, 3, 4, 5, 6, 7];

function stockholm(windows: WeeklyWindow[], exceptions?: ScheduleException[]): Schedule {
  return exceptions ? { timezone: 'Europe/Stockholm', windows, exceptions } : { timezone: 'Europe/Stockholm', windows };
}

const officeHours = stockholm([{ days: WEEKDAYS, from: '09:00', to: '16:00' }]);

function evaluate(schedule: Schedule | null, at: string, validity: Partial<ZoneTiming> = {}) {
  return evaluateZoneTime({ schedule, validFrom: null, validUntil: null, ...validity }, new Date(at));
}

const inForce = (until: string | null) => ({ inForce: true, until, nextInForceAt: null });
const notInForce = (nextInForceAt: string | null) => ({ inForce: false, until: null, nextInForceAt });

describe('validateSchedule', () => {
  const messages = (input: unknown) => validateSchedule(input).map((detail) => detail.message);

  describe('accepts', () => {
    it('null (always)', () => {
      expect(validateSchedule(null)).toEqual([]);
    });

    it('weekly windows, past midnight and to 24:00', () => {
      const schedule = stockholm([
        { days: WEEKDAYS, from: '09:00', to: '16:00' },
        { days: [5, 6], from: '22:00', to: '02:00' },
        { days: [7], from: '00:00', to: '24:00' },
        { days: [1], from: '18:00', to: '00:00' },
      ]);
      expect(validateSchedule(schedule)).toEqual([]);
    });

    it('exceptions that close a day or give it special hours', () => {
      const schedule = stockholm(
        [{ days: WEEKDAYS, from: '09:00', to: '16:00' }],
        [
          { date: '2026-12-24', closed: true },
          { date: '2026-12-31', windows: [{ from: '10:00', to: '14:00' }, { from: '20:00', to: '03:00' }] },
          { date: '2028-02-29', windows: [] },
        ],
      );
      expect(validateSchedule(schedule)).toEqual([]);
    });

    it('no weekly windows (only dated ones)', () => {
      expect(validateSchedule(stockholm([], [{ date: '2026-06-06', windows: [{ from: '12:00', to: '18:00' }] }]))).toEqual([]);
    });

    it.each(['Europe/Stockholm', 'America/New_York', 'UTC', 'Asia/Kolkata'])('the IANA zone %s', (timezone) => {
      expect(validateSchedule({ timezone, windows: [] })).toEqual([]);
    });

    it('each limit exactly', () => {
      const windows = Array.from({ length: SCHEDULE_LIMITS.maxWindows }, () => ({ days: [1], from: '09:00', to: '10:00' }));
      const exceptions = Array.from({ length: SCHEDULE_LIMITS.maxExceptions }, (_, i) => ({
        date: new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
        windows: Array.from({ length: SCHEDULE_LIMITS.maxWindowsPerException }, () => ({ from: '01:00', to: '02:00' })),
      }));
      expect(validateSchedule({ timezone: 'Europe/Stockholm', windows, exceptions })).toEqual([]);
    });
  });

  describe('the schedule object', () => {
    it.each([undefined, 'always', 42, [], true])('refuses %p', (input) => {
      expect(validateSchedule(input)).toEqual([
        { field: 'schedule', message: 'schedule: must be an object { timezone, windows, exceptions? }, or null for always' },
      ]);
    });

    it('refuses unknown fields, so typos are not ignored', () => {
      expect(validateSchedule({ timezone: 'Europe/Stockholm', windows: [], exception: [] })).toEqual([
        { field: 'schedule.exception', message: 'schedule.exception: is not a known field (expected timezone, windows, exceptions)' },
      ]);
    });

    it('uses the field name given', () => {
      expect(validateSchedule({ timezone: 'Europe/Stockholm' }, 'features[2].properties.schedule')).toEqual([
        { field: 'features[2].properties.schedule.windows', message: 'features[2].properties.schedule.windows: must be an array' },
      ]);
    });
  });

  describe('timezone', () => {
    it.each([
      ['Europe/Malmo', 'schedule.timezone: "Europe/Malmo" is not an IANA time zone name such as "Europe/Stockholm"'],
      ['+01:00', 'schedule.timezone: "+01:00" is not an IANA time zone name such as "Europe/Stockholm"'],
      ['', 'schedule.timezone: "" is not an IANA time zone name such as "Europe/Stockholm"'],
      [undefined, 'schedule.timezone: must be an IANA time zone name such as "Europe/Stockholm"'],
      [1, 'schedule.timezone: must be an IANA time zone name such as "Europe/Stockholm"'],
    ])('refuses %p', (timezone, message) => {
      expect(messages({ timezone, windows: [] })).toEqual([message]);
    });
  });

  describe('weekly windows', () => {
    const withWindow = (window: unknown) => messages({ timezone: 'Europe/Stockholm', windows: [window] });

    it('needs an array of at most the maximum', () => {
      expect(messages({ timezone: 'Europe/Stockholm' })).toEqual(['schedule.windows: must be an array']);
      expect(messages({ timezone: 'Europe/Stockholm', windows: {} })).toEqual(['schedule.windows: must be an array']);
      const windows = Array.from({ length: SCHEDULE_LIMITS.maxWindows + 1 }, () => ({ days: [1], from: '09:00', to: '10:00' }));
      expect(messages({ timezone: 'Europe/Stockholm', windows })).toEqual(['schedule.windows: has 51 entries; at most 50 are allowed']);
    });

    it('refuses a window that is not an object', () => {
      expect(withWindow('Mon–Fri 09–16')).toEqual(['schedule.windows[0]: a window must be an object { days, from, to }']);
    });

    it.each([[[]], [undefined], ['1-5'], [1]])('refuses days %p', (days) => {
      expect(withWindow({ days, from: '09:00', to: '16:00' })).toEqual([
        'schedule.windows[0].days: must be a non-empty array of weekdays 1–7 (1 = Monday)',
      ]);
    });

    it.each([0, 8, 1.5, '1', null, -1])('refuses the day %p', (day) => {
      expect(withWindow({ days: [1, day], from: '09:00', to: '16:00' })).toEqual([
        'schedule.windows[0].days[1]: must be a weekday 1–7 (1 = Monday)',
      ]);
    });

    it('refuses a day listed twice', () => {
      expect(withWindow({ days: [1, 2, 1], from: '09:00', to: '16:00' })).toEqual(['schedule.windows[0].days[2]: day 1 is listed twice']);
    });

    it('refuses more than seven days without checking each', () => {
      expect(withWindow({ days: Array(1000).fill(1), from: '09:00', to: '16:00' })).toEqual([
        'schedule.windows[0].days: lists 1000 days; a week has 7',
      ]);
    });

    it.each(['24:00', '9:00', '09:60', '25:00', '0900', '09:00:00', ' 09:00', null])('refuses the start time %p', (from) => {
      expect(withWindow({ days: [1], from, to: '16:00' })).toEqual(['schedule.windows[0].from: must be a time "HH:MM" from 00:00 to 23:59']);
    });

    it.each(['24:01', '24:30', '9:00', '', undefined])('refuses the end time %p', (to) => {
      expect(withWindow({ days: [1], from: '09:00', to })).toEqual(['schedule.windows[0].to: must be a time "HH:MM" from 00:00 to 24:00']);
    });

    it('refuses a window of zero length', () => {
      expect(withWindow({ days: [1], from: '09:00', to: '09:00' })).toEqual([
        'schedule.windows[0].to: must differ from "from" (for a whole day use 00:00–24:00)',
      ]);
    });

    it('refuses unknown fields such as "day"', () => {
      expect(withWindow({ day: [1], from: '09:00', to: '16:00' })).toEqual([
        'schedule.windows[0].day: is not a known field (expected days, from, to)',
        'schedule.windows[0].days: must be a non-empty array of weekdays 1–7 (1 = Monday)',
      ]);
    });
  });

  describe('exceptions', () => {
    const withExceptions = (exceptions: unknown) => messages({ timezone: 'Europe/Stockholm', windows: [], exceptions });

    it('needs an array of at most the maximum', () => {
      expect(withExceptions(null)).toEqual(['schedule.exceptions: must be an array']);
      const many = Array.from({ length: SCHEDULE_LIMITS.maxExceptions + 1 }, () => ({ date: '2026-12-24', closed: true }));
      expect(withExceptions(many)).toEqual(['schedule.exceptions: has 367 entries; at most 366 are allowed']);
    });

    it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2027-02-29', '2026-2-3', '20261224', '24/12/2026', 20261224, undefined])(
      'refuses the date %p',
      (date) => {
        expect(withExceptions([{ date, closed: true }])).toEqual(['schedule.exceptions[0].date: must be a calendar date "YYYY-MM-DD"']);
      },
    );

    it('refuses the same date twice', () => {
      const exceptions = [
        { date: '2026-12-24', closed: true },
        { date: '2026-12-31', closed: true },
        { date: '2026-12-24', windows: [{ from: '10:00', to: '12:00' }] },
      ];
      expect(validateSchedule({ timezone: 'Europe/Stockholm', windows: [], exceptions })).toEqual([
        { field: 'schedule.exceptions[2].date', message: 'schedule.exceptions[2].date: 2026-12-24 is already listed at schedule.exceptions[0]' },
      ]);
    });

    it('needs closed: true or windows, not both and not neither', () => {
      expect(withExceptions([{ date: '2026-12-24', closed: false }])).toEqual([
        'schedule.exceptions[0].closed: must be true (give "windows" for special hours)',
      ]);
      expect(withExceptions([{ date: '2026-12-24', closed: true, windows: [] }])).toEqual([
        'schedule.exceptions[0]: give either "closed": true or "windows", not both',
      ]);
      expect(withExceptions([{ date: '2026-12-24' }])).toEqual(['schedule.exceptions[0]: needs "closed": true or "windows"']);
    });

    it('checks the windows of an exception like weekly ones, without days', () => {
      expect(withExceptions([{ date: '2026-12-31', windows: [{ from: '20:00', to: '24:30' }, { days: [4], from: '10:00', to: '12:00' }, 'x'] }])).toEqual([
        'schedule.exceptions[0].windows[0].to: must be a time "HH:MM" from 00:00 to 24:00',
        'schedule.exceptions[0].windows[1].days: is not a known field (expected from, to)',
        'schedule.exceptions[0].windows[2]: a window must be an object { from, to }',
      ]);
      const windows = Array.from({ length: SCHEDULE_LIMITS.maxWindowsPerException + 1 }, () => ({ from: '10:00', to: '11:00' }));
      expect(withExceptions([{ date: '2026-12-31', windows }])).toEqual(['schedule.exceptions[0].windows: has 11 entries; at most 10 are allowed']);
    });

    it('refuses an exception that is not an object', () => {
      expect(withExceptions(['2026-12-24'])).toEqual(['schedule.exceptions[0]: an exception must be an object { date, closed: true } or { date, windows }']);
    });
  });

  it(`stops after ${MAX_ERROR_DETAILS} problems`, () => {
    const windows = Array.from({ length: 40 }, () => ({ days: [9], from: '9', to: '99' }));
    const details = validateSchedule({ timezone: 'Europe/Stockholm', windows });
    expect(details).toHaveLength(MAX_ERROR_DETAILS + 1);
    expect(details[MAX_ERROR_DETAILS]).toEqual({ field: 'schedule', message: 'schedule: more problems not listed' });
  });
});

describe('evaluateZoneTime', () => {
  describe('ordinary weekdays (Mon–Fri 09:00–16:00)', () => {
    it('is in force inside a window, until its end', () => {
      expect(evaluate(officeHours, '2026-11-25T10:00:00+01:00')).toEqual(inForce('2026-11-25T16:00:00.000+01:00'));
    });

    it('is in force from the first instant of a window and not at its end', () => {
      expect(evaluate(officeHours, '2026-11-25T09:00:00+01:00')).toEqual(inForce('2026-11-25T16:00:00.000+01:00'));
      expect(evaluate(officeHours, '2026-11-25T16:00:00+01:00')).toEqual(notInForce('2026-11-26T09:00:00.000+01:00'));
    });

    it('gives the next start before a window', () => {
      expect(evaluate(officeHours, '2026-11-25T08:59:59+01:00')).toEqual(notInForce('2026-11-25T09:00:00.000+01:00'));
    });

    it('skips the weekend', () => {
      expect(evaluate(officeHours, '2026-11-27T17:00:00+01:00')).toEqual(notInForce('2026-11-30T09:00:00.000+01:00'));
      expect(evaluate(officeHours, '2026-11-29T12:00:00+01:00')).toEqual(notInForce('2026-11-30T09:00:00.000+01:00'));
    });

    it('reads `at` in the schedule time zone, whatever offset it is written in', () => {
      // 08:30 UTC is 09:30 in Stockholm.
      expect(evaluate(officeHours, '2026-11-25T08:30:00Z')).toEqual(inForce('2026-11-25T16:00:00.000+01:00'));
      // 23:30 UTC on Sunday is already Monday 00:30 in Stockholm.
      expect(evaluate(officeHours, '2026-11-29T23:30:00Z')).toEqual(notInForce('2026-11-30T09:00:00.000+01:00'));
    });

    it('uses summer time in summer', () => {
      expect(evaluate(officeHours, '2026-06-10T07:30:00Z')).toEqual(inForce('2026-06-10T16:00:00.000+02:00'));
    });
  });

  describe('a window past midnight (Fri 22:00–02:00)', () => {
    const fridayNights = stockholm([{ days: [5], from: '22:00', to: '02:00' }]);

    it('is in force early on Saturday, the window belonging to Friday', () => {
      expect(evaluate(fridayNights, '2026-11-28T01:00:00+01:00')).toEqual(inForce('2026-11-28T02:00:00.000+01:00'));
    });

    it('is in force late on Friday, until Saturday 02:00', () => {
      expect(evaluate(fridayNights, '2026-11-27T23:00:00+01:00')).toEqual(inForce('2026-11-28T02:00:00.000+01:00'));
    });

    it('is not in force early on Friday: Thursday has no window', () => {
      expect(evaluate(fridayNights, '2026-11-27T01:00:00+01:00')).toEqual(notInForce('2026-11-27T22:00:00.000+01:00'));
    });

    it('is in force early on Friday when Thursday has the window too', () => {
      const thursdayAndFriday = stockholm([{ days: [4, 5], from: '22:00', to: '02:00' }]);
      expect(evaluate(thursdayAndFriday, '2026-11-27T01:00:00+01:00')).toEqual(inForce('2026-11-27T02:00:00.000+01:00'));
    });

    it('ends at 02:00 on Saturday, and comes back the next Friday', () => {
      expect(evaluate(fridayNights, '2026-11-28T02:00:00+01:00')).toEqual(notInForce('2026-12-04T22:00:00.000+01:00'));
    });

    it('runs to midnight when `to` is 00:00', () => {
      const mondayEvenings = stockholm([{ days: [1], from: '18:00', to: '00:00' }]);
      expect(evaluate(mondayEvenings, '2026-11-23T23:59:00+01:00')).toEqual(inForce('2026-11-24T00:00:00.000+01:00'));
    });
  });

  describe('24:00 and merging', () => {
    it('ends a window with 24:00 at midnight', () => {
      const mondayEvenings = stockholm([{ days: [1], from: '18:00', to: '24:00' }]);
      expect(evaluate(mondayEvenings, '2026-11-23T20:00:00+01:00')).toEqual(inForce('2026-11-24T00:00:00.000+01:00'));
    });

    it('merges a window to 24:00 with one from 00:00 the next day', () => {
      const split = stockholm([
        { days: [1], from: '18:00', to: '24:00' },
        { days: [2], from: '00:00', to: '08:00' },
      ]);
      expect(evaluate(split, '2026-11-23T20:00:00+01:00')).toEqual(inForce('2026-11-24T08:00:00.000+01:00'));
      expect(evaluate(split, '2026-11-24T00:00:00+01:00')).toEqual(inForce('2026-11-24T08:00:00.000+01:00'));
    });

    it('merges overlapping windows', () => {
      const overlapping = stockholm([
        { days: [3], from: '09:00', to: '12:00' },
        { days: [3], from: '11:00', to: '14:00' },
        { days: [3], from: '10:00', to: '11:30' },
      ]);
      expect(evaluate(overlapping, '2026-11-25T09:30:00+01:00')).toEqual(inForce('2026-11-25T14:00:00.000+01:00'));
    });

    it('merges a window past midnight with one starting the next morning', () => {
      const chained = stockholm([
        { days: [5], from: '20:00', to: '08:00' },
        { days: [6], from: '08:00', to: '12:00' },
      ]);
      expect(evaluate(chained, '2026-11-27T21:00:00+01:00')).toEqual(inForce('2026-11-28T12:00:00.000+01:00'));
    });

    it('does not merge windows with a gap between them', () => {
      const gap = stockholm([
        { days: [3], from: '09:00', to: '12:00' },
        { days: [3], from: '12:01', to: '14:00' },
      ]);
      expect(evaluate(gap, '2026-11-25T11:00:00+01:00')).toEqual(inForce('2026-11-25T12:00:00.000+01:00'));
      expect(evaluate(gap, '2026-11-25T12:00:30+01:00')).toEqual(notInForce('2026-11-25T12:01:00.000+01:00'));
    });

    it('has no end when the windows cover every hour', () => {
      expect(evaluate(stockholm([{ days: EVERY_DAY, from: '00:00', to: '24:00' }]), '2026-11-25T12:00:00+01:00')).toEqual(inForce(null));
      const dayAndNight = stockholm([
        { days: EVERY_DAY, from: '08:00', to: '20:00' },
        { days: EVERY_DAY, from: '20:00', to: '08:00' },
      ]);
      expect(evaluate(dayAndNight, '2026-11-25T12:00:00+01:00')).toEqual(inForce(null));
    });

    it('ends a round-the-clock schedule at a closed day or at validUntil', () => {
      const allDay = [{ days: EVERY_DAY, from: '00:00', to: '24:00' }];
      expect(evaluate(stockholm(allDay, [{ date: '2026-12-24', closed: true }]), '2026-11-25T12:00:00+01:00')).toEqual(
        inForce('2026-12-24T00:00:00.000+01:00'),
      );
      expect(evaluate(stockholm(allDay), '2026-11-25T12:00:00+01:00', { validUntil: '2027-06-01T00:00:00+02:00' })).toEqual(
        inForce('2027-06-01T00:00:00.000+02:00'),
      );
    });
  });

  describe('exceptions', () => {
    it('a closed day replaces that day’s windows', () => {
      const christmas = stockholm([{ days: WEEKDAYS, from: '09:00', to: '16:00' }], [{ date: '2026-12-24', closed: true }]);
      expect(evaluate(christmas, '2026-12-24T10:00:00+01:00')).toEqual(notInForce('2026-12-25T09:00:00.000+01:00'));
      expect(evaluate(christmas, '2026-12-23T10:00:00+01:00')).toEqual(inForce('2026-12-23T16:00:00.000+01:00'));
    });

    it('skips several closed days when looking for the next start', () => {
      const holidays = stockholm(
        [{ days: WEEKDAYS, from: '09:00', to: '16:00' }],
        [
          { date: '2026-12-25', closed: true },
          { date: '2026-12-24', closed: true },
        ],
      );
      expect(evaluate(holidays, '2026-12-23T17:00:00+01:00')).toEqual(notInForce('2026-12-28T09:00:00.000+01:00'));
    });

    it('a window started the evening before still runs into a closed day', () => {
      const nights = stockholm([{ days: EVERY_DAY, from: '22:00', to: '06:00' }], [{ date: '2026-12-24', closed: true }]);
      expect(evaluate(nights, '2026-12-24T03:00:00+01:00')).toEqual(inForce('2026-12-24T06:00:00.000+01:00'));
      expect(evaluate(nights, '2026-12-24T23:00:00+01:00')).toEqual(notInForce('2026-12-25T22:00:00.000+01:00'));
    });

    it('special hours replace the weekly windows of that day', () => {
      const newYearsEve = stockholm(
        [{ days: WEEKDAYS, from: '09:00', to: '16:00' }],
        [{ date: '2026-12-31', windows: [{ from: '10:00', to: '14:00' }, { from: '20:00', to: '03:00' }] }],
      );
      expect(evaluate(newYearsEve, '2026-12-31T09:30:00+01:00')).toEqual(notInForce('2026-12-31T10:00:00.000+01:00'));
      expect(evaluate(newYearsEve, '2026-12-31T12:00:00+01:00')).toEqual(inForce('2026-12-31T14:00:00.000+01:00'));
      expect(evaluate(newYearsEve, '2026-12-31T15:00:00+01:00')).toEqual(notInForce('2026-12-31T20:00:00.000+01:00'));
      // The evening window runs past midnight into Friday 1 January, whose own window starts at 09:00.
      expect(evaluate(newYearsEve, '2027-01-01T02:00:00+01:00')).toEqual(inForce('2027-01-01T03:00:00.000+01:00'));
      expect(evaluate(newYearsEve, '2027-01-01T03:00:00+01:00')).toEqual(notInForce('2027-01-01T09:00:00.000+01:00'));
    });

    it('special hours on a day without weekly windows add windows', () => {
      const sundayEvent = stockholm([{ days: WEEKDAYS, from: '09:00', to: '16:00' }], [{ date: '2026-11-29', windows: [{ from: '12:00', to: '18:00' }] }]);
      expect(evaluate(sundayEvent, '2026-11-28T12:00:00+01:00')).toEqual(notInForce('2026-11-29T12:00:00.000+01:00'));
    });

    it('an exception with no windows closes the day', () => {
      const closed = stockholm([{ days: WEEKDAYS, from: '09:00', to: '16:00' }], [{ date: '2026-11-25', windows: [] }]);
      expect(evaluate(closed, '2026-11-25T10:00:00+01:00')).toEqual(notInForce('2026-11-26T09:00:00.000+01:00'));
    });

    it('an exception window merges with the weekly window running into it', () => {
      const schedule = stockholm([{ days: [3], from: '20:00', to: '02:00' }], [{ date: '2026-11-26', windows: [{ from: '01:00', to: '05:00' }] }]);
      expect(evaluate(schedule, '2026-11-25T21:00:00+01:00')).toEqual(inForce('2026-11-26T05:00:00.000+01:00'));
    });
  });

  describe('validity bounds', () => {
    it('is not in force before validFrom, and starts at validFrom inside a window', () => {
      const validity = { validFrom: '2026-11-25T12:00:00+01:00' };
      expect(evaluate(officeHours, '2026-11-25T10:00:00+01:00', validity)).toEqual(notInForce('2026-11-25T12:00:00.000+01:00'));
      expect(evaluate(officeHours, '2026-11-25T12:00:00+01:00', validity)).toEqual(inForce('2026-11-25T16:00:00.000+01:00'));
    });

    it('starts at the first window after a validFrom outside the windows', () => {
      const validity = { validFrom: '2026-11-25T18:00:00+01:00' };
      expect(evaluate(officeHours, '2026-11-20T10:00:00+01:00', validity)).toEqual(notInForce('2026-11-26T09:00:00.000+01:00'));
    });

    it('ends the period at validUntil when that comes first', () => {
      const validity = { validUntil: '2026-11-25T13:00:00+01:00' };
      expect(evaluate(officeHours, '2026-11-25T10:00:00+01:00', validity)).toEqual(inForce('2026-11-25T13:00:00.000+01:00'));
      expect(evaluate(officeHours, '2026-11-25T12:59:59+01:00', validity)).toEqual(inForce('2026-11-25T13:00:00.000+01:00'));
    });

    it('is never in force again from validUntil on', () => {
      const validity = { validUntil: '2026-11-25T13:00:00+01:00' };
      expect(evaluate(officeHours, '2026-11-25T13:00:00+01:00', validity)).toEqual(notInForce(null));
      expect(evaluate(officeHours, '2027-01-01T10:00:00+01:00', validity)).toEqual(notInForce(null));
    });

    it('has no next start when validUntil comes before the next window', () => {
      expect(evaluate(officeHours, '2026-11-25T17:00:00+01:00', { validUntil: '2026-11-26T09:00:00+01:00' })).toEqual(notInForce(null));
      expect(evaluate(officeHours, '2026-11-25T17:00:00+01:00', { validUntil: '2026-11-26T09:00:01+01:00' })).toEqual(
        notInForce('2026-11-26T09:00:00.000+01:00'),
      );
    });

    it('is never in force when validFrom is not before validUntil', () => {
      const validity = { validFrom: '2026-12-01T00:00:00+01:00', validUntil: '2026-12-01T00:00:00+01:00' };
      expect(evaluate(officeHours, '2026-11-25T10:00:00+01:00', validity)).toEqual(notInForce(null));
      expect(evaluate(null, '2026-11-25T10:00:00+01:00', validity)).toEqual(notInForce(null));
    });

    it('finds the first window after a validFrom far ahead', () => {
      expect(evaluate(officeHours, '2026-11-25T10:00:00+01:00', { validFrom: '2029-06-02T00:00:00+02:00' })).toEqual(
        notInForce('2029-06-04T09:00:00.000+02:00'),
      );
    });

    it('takes Date objects as bounds', () => {
      const validity = { validFrom: new Date('2026-11-25T11:00:00Z'), validUntil: new Date('2026-11-25T12:00:00Z') };
      expect(evaluate(officeHours, '2026-11-25T11:30:00Z', validity)).toEqual(inForce('2026-11-25T13:00:00.000+01:00'));
    });
  });

  describe('schedule null (always)', () => {
    it('is in force without end when there are no bounds', () => {
      expect(evaluate(null, '2026-11-25T10:00:00+01:00')).toEqual(inForce(null));
    });

    it('ends at validUntil, given in Europe/Stockholm time', () => {
      expect(evaluate(null, '2026-11-25T10:00:00+01:00', { validUntil: '2027-07-01T00:00:00Z' })).toEqual(inForce('2027-07-01T02:00:00.000+02:00'));
    });

    it('starts at validFrom', () => {
      expect(evaluate(null, '2026-11-25T10:00:00+01:00', { validFrom: '2026-12-01T00:00:00+01:00' })).toEqual(
        notInForce('2026-12-01T00:00:00.000+01:00'),
      );
      expect(evaluate(null, '2026-12-01T00:00:00+01:00', { validFrom: '2026-12-01T00:00:00+01:00' })).toEqual(inForce(null));
    });

    it('is never in force after validUntil', () => {
      expect(evaluate(null, '2026-11-25T10:00:00+01:00', { validUntil: '2026-11-01T00:00:00+01:00' })).toEqual(notInForce(null));
    });
  });

  describe('the March DST change in Europe/Stockholm (Sun 29 March 2026, 02:00 → 03:00)', () => {
    it('gives the next start in summer time across the change', () => {
      const everyMorning = stockholm([{ days: EVERY_DAY, from: '09:00', to: '16:00' }]);
      expect(evaluate(everyMorning, '2026-03-28T20:00:00+01:00')).toEqual(notInForce('2026-03-29T09:00:00.000+02:00'));
      expect(evaluate(everyMorning, '2026-03-29T07:30:00Z')).toEqual(inForce('2026-03-29T16:00:00.000+02:00'));
    });

    it('starts a window whose start is skipped at 03:00, the first valid instant', () => {
      const schedule = stockholm([{ days: [7], from: '02:30', to: '05:00' }]);
      expect(evaluate(schedule, '2026-03-29T01:45:00+01:00')).toEqual(notInForce('2026-03-29T03:00:00.000+02:00'));
      expect(evaluate(schedule, '2026-03-29T03:00:00+02:00')).toEqual(inForce('2026-03-29T05:00:00.000+02:00'));
    });

    it('ends a window whose end is skipped at 03:00', () => {
      const saturdayNight = stockholm([{ days: [6], from: '22:00', to: '02:30' }]);
      expect(evaluate(saturdayNight, '2026-03-29T01:59:00+01:00')).toEqual(inForce('2026-03-29T03:00:00.000+02:00'));
      expect(evaluate(saturdayNight, '2026-03-29T03:00:00+02:00')).toEqual(notInForce('2026-04-04T22:00:00.000+02:00'));
    });

    it('keeps a window past midnight in force through the change', () => {
      const saturdayNight = stockholm([{ days: [6], from: '22:00', to: '06:00' }]);
      expect(evaluate(saturdayNight, '2026-03-29T01:30:00+01:00')).toEqual(inForce('2026-03-29T06:00:00.000+02:00'));
      expect(evaluate(saturdayNight, '2026-03-29T03:30:00+02:00')).toEqual(inForce('2026-03-29T06:00:00.000+02:00'));
    });

    it('drops a window that lies wholly in the skipped hour that day', () => {
      const schedule = stockholm([{ days: [7], from: '02:15', to: '02:45' }]);
      expect(evaluate(schedule, '2026-03-28T12:00:00+01:00')).toEqual(notInForce('2026-04-05T02:15:00.000+02:00'));
    });

    it('makes 01:00–04:00 last two real hours', () => {
      const [period] = scheduleIntervals(stockholm([{ days: [7], from: '01:00', to: '04:00' }]), new Date('2026-03-28T00:00Z'), new Date('2026-03-30T00:00Z'));
      expect(period).toEqual({ start: new Date('2026-03-29T00:00Z'), end: new Date('2026-03-29T02:00Z') });
    });
  });

  describe('the October DST change in Europe/Stockholm (Sun 25 October 2026, 03:00 → 02:00)', () => {
    it('starts a window at the first of two 02:30s', () => {
      const schedule = stockholm([{ days: [7], from: '02:30', to: '04:00' }]);
      expect(evaluate(schedule, '2026-10-25T02:00:00+02:00')).toEqual(notInForce('2026-10-25T02:30:00.000+02:00'));
      expect(evaluate(schedule, '2026-10-25T02:30:00+02:00')).toEqual(inForce('2026-10-25T04:00:00.000+01:00'));
      // The second 02:45 (winter time) is inside the window too.
      expect(evaluate(schedule, '2026-10-25T02:45:00+01:00')).toEqual(inForce('2026-10-25T04:00:00.000+01:00'));
    });

    it('ends a window at the first of two 02:30s', () => {
      const schedule = stockholm([{ days: [7], from: '00:00', to: '02:30' }]);
      expect(evaluate(schedule, '2026-10-25T02:15:00+02:00')).toEqual(inForce('2026-10-25T02:30:00.000+02:00'));
      expect(evaluate(schedule, '2026-10-25T02:15:00+01:00')).toEqual(notInForce('2026-11-01T00:00:00.000+01:00'));
    });

    it('keeps a window past midnight in force through the repeated hour', () => {
      const saturdayNight = stockholm([{ days: [6], from: '22:00', to: '06:00' }]);
      expect(evaluate(saturdayNight, '2026-10-25T02:30:00+02:00')).toEqual(inForce('2026-10-25T06:00:00.000+01:00'));
      expect(evaluate(saturdayNight, '2026-10-25T02:30:00+01:00')).toEqual(inForce('2026-10-25T06:00:00.000+01:00'));
    });

    it('gives the next start in winter time across the change', () => {
      const everyMorning = stockholm([{ days: EVERY_DAY, from: '09:00', to: '16:00' }]);
      expect(evaluate(everyMorning, '2026-10-24T20:00:00+02:00')).toEqual(notInForce('2026-10-25T09:00:00.000+01:00'));
    });

    it('makes 01:00–04:00 last four real hours', () => {
      const [period] = scheduleIntervals(stockholm([{ days: [7], from: '01:00', to: '04:00' }]), new Date('2026-10-24T00:00Z'), new Date('2026-10-26T00:00Z'));
      expect(period).toEqual({ start: new Date('2026-10-24T23:00Z'), end: new Date('2026-10-25T03:00Z') });
    });
  });

  describe('another time zone (America/New_York)', () => {
    const newYorkOffice: Schedule = { timezone: 'America/New_York', windows: [{ days: WEEKDAYS, from: '09:00', to: '17:00' }] };

    it('uses the schedule’s own zone for windows and for the times it returns', () => {
      expect(evaluate(newYorkOffice, '2026-11-25T14:00:00Z')).toEqual(inForce('2026-11-25T17:00:00.000-05:00'));
      expect(evaluate(newYorkOffice, '2026-11-25T13:59:00Z')).toEqual(notInForce('2026-11-25T09:00:00.000-05:00'));
      expect(evaluate(newYorkOffice, '2026-07-01T13:00:00Z')).toEqual(inForce('2026-07-01T17:00:00.000-04:00'));
    });

    it('follows its own DST dates (Sun 8 March 2026)', () => {
      const sundayNight = { timezone: 'America/New_York', windows: [{ days: [7], from: '02:30', to: '04:00' }] } as Schedule;
      expect(evaluate(sundayNight, '2026-03-08T06:00:00Z')).toEqual(notInForce('2026-03-08T03:00:00.000-04:00'));
    });
  });

  describe('the search horizon', () => {
    const oneDay = (date: string) => stockholm([], [{ date, windows: [{ from: '12:00', to: '13:00' }] }]);

    it('finds a start up to about 400 days ahead', () => {
      expect(evaluate(oneDay('2027-12-01'), '2026-11-25T10:00:00+01:00')).toEqual(notInForce('2027-12-01T12:00:00.000+01:00'));
    });

    it('gives no next start beyond it, nor for a schedule that never starts', () => {
      expect(evaluate(oneDay('2028-06-01'), '2026-11-25T10:00:00+01:00')).toEqual(notInForce(null));
      expect(evaluate(stockholm([]), '2026-11-25T10:00:00+01:00')).toEqual(notInForce(null));
      expect(evaluate(oneDay('2026-11-24'), '2026-11-25T10:00:00+01:00')).toEqual(notInForce(null));
    });
  });

  it('refuses invalid times and an unknown time zone', () => {
    expect(() => evaluate(officeHours, 'not a date')).toThrow(RangeError);
    expect(() => evaluate(officeHours, '2026-11-25T10:00:00Z', { validFrom: 'soon' })).toThrow('validFrom is not a valid time: soon');
    expect(() => evaluate({ timezone: 'Mars/Olympus', windows: [] }, '2026-11-25T10:00:00Z')).toThrow('Unknown time zone: Mars/Olympus');
  });
});

describe('scheduleIntervals', () => {
  it('lists the merged periods between two instants, clipped to them', () => {
    const schedule = stockholm([
      { days: WEEKDAYS, from: '09:00', to: '12:00' },
      { days: WEEKDAYS, from: '12:00', to: '16:00' },
    ]);
    expect(scheduleIntervals(schedule, new Date('2026-11-25T10:00:00Z'), new Date('2026-11-27T00:00:00Z'))).toEqual([
      { start: new Date('2026-11-25T10:00:00Z'), end: new Date('2026-11-25T15:00:00Z') },
      { start: new Date('2026-11-26T08:00:00Z'), end: new Date('2026-11-26T15:00:00Z') },
    ]);
  });

  it('includes a window that started the day before the range', () => {
    const nights = stockholm([{ days: EVERY_DAY, from: '22:00', to: '06:00' }]);
    expect(scheduleIntervals(nights, new Date('2026-11-25T00:00:00Z'), new Date('2026-11-25T12:00:00Z'))).toEqual([
      { start: new Date('2026-11-25T00:00:00Z'), end: new Date('2026-11-25T05:00:00Z') },
    ]);
  });

  it('is empty when no window falls in the range', () => {
    expect(scheduleIntervals(officeHours, new Date('2026-11-28T00:00:00Z'), new Date('2026-11-29T12:00:00Z'))).toEqual([]);
  });
});
