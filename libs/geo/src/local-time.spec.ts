import { DateTime } from 'luxon';
import { DAY_MS, isoInZone, isoWeekdayOf, localMidnightOf, offsetAt, wallClockToInstant, zoneNamed } from './local-time';

const stockholm = zoneNamed('Europe/Stockholm');
/** Wall-clock milliseconds for a local date and time written as ISO without offset. */
const wallClock = (local: string) => Date.parse(`${local}Z`);
const instant = (iso: string) => Date.parse(iso);

describe('wallClockToInstant', () => {
  it('converts ordinary winter and summer times with their offsets', () => {
    expect(wallClockToInstant(wallClock('2026-01-15T09:00'), stockholm)).toBe(instant('2026-01-15T08:00Z'));
    expect(wallClockToInstant(wallClock('2026-07-15T09:00'), stockholm)).toBe(instant('2026-07-15T07:00Z'));
  });

  describe('the March change in Europe/Stockholm (02:00 → 03:00 on 2026-03-29)', () => {
    it('keeps the last minute before the gap', () => {
      expect(wallClockToInstant(wallClock('2026-03-29T01:59'), stockholm)).toBe(instant('2026-03-29T00:59Z'));
    });

    it.each(['02:00', '02:30', '02:59'])('moves the skipped time %s forward to 03:00 (the first valid instant)', (time) => {
      expect(wallClockToInstant(wallClock(`2026-03-29T${time}`), stockholm)).toBe(instant('2026-03-29T01:00Z'));
    });

    it('maps 03:00 to the change itself', () => {
      expect(wallClockToInstant(wallClock('2026-03-29T03:00'), stockholm)).toBe(instant('2026-03-29T01:00Z'));
    });
  });

  describe('the October change in Europe/Stockholm (03:00 → 02:00 on 2026-10-25)', () => {
    it.each([
      ['02:00', '2026-10-25T00:00Z'],
      ['02:30', '2026-10-25T00:30Z'],
      ['02:59', '2026-10-25T00:59Z'],
    ])('takes the first occurrence of the repeated time %s', (time, expected) => {
      expect(wallClockToInstant(wallClock(`2026-10-25T${time}`), stockholm)).toBe(instant(expected));
    });

    it('converts the times either side unambiguously', () => {
      expect(wallClockToInstant(wallClock('2026-10-25T01:59'), stockholm)).toBe(instant('2026-10-24T23:59Z'));
      expect(wallClockToInstant(wallClock('2026-10-25T03:00'), stockholm)).toBe(instant('2026-10-25T02:00Z'));
    });
  });

  it('handles midnight at the end of a day (24:00 as the next day 00:00)', () => {
    expect(wallClockToInstant(wallClock('2026-03-29T00:00') + DAY_MS, stockholm)).toBe(instant('2026-03-29T22:00Z'));
  });

  it('handles America/New_York (02:00 → 03:00 on 2026-03-08, 02:00 → 01:00 on 2026-11-01)', () => {
    const newYork = zoneNamed('America/New_York');
    expect(wallClockToInstant(wallClock('2026-03-08T02:30'), newYork)).toBe(instant('2026-03-08T07:00Z'));
    expect(wallClockToInstant(wallClock('2026-11-01T01:30'), newYork)).toBe(instant('2026-11-01T05:30Z'));
  });

  it('finds a half-hour DST change (Australia/Lord_Howe, 02:00 → 02:30 on 2026-10-04)', () => {
    const lordHowe = zoneNamed('Australia/Lord_Howe');
    expect(wallClockToInstant(wallClock('2026-10-04T02:15'), lordHowe)).toBe(instant('2026-10-03T15:30Z'));
  });
});

describe('offsetAt', () => {
  it.each(['Europe/Stockholm', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Apia'])(
    'agrees with Luxon every 15 minutes through 2026 in %s',
    (name) => {
      const zone = zoneNamed(name);
      const disagreements: number[] = [];
      for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 15 * 60_000) {
        if (offsetAt(instant, zone) !== zone.offset(instant)) disagreements.push(instant);
      }
      expect(disagreements).toEqual([]);
    },
  );

  it('agrees with Luxon to the second around a change', () => {
    const change = Date.parse('2026-03-29T01:00:00Z');
    for (let instant = change - 5000; instant <= change + 5000; instant += 1000) {
      expect(offsetAt(instant, stockholm)).toBe(stockholm.offset(instant));
    }
  });
});

describe('localMidnightOf', () => {
  it('gives the local date in the zone, not in UTC', () => {
    // 23:30 UTC on the 24th is already the 25th in Stockholm.
    expect(localMidnightOf(instant('2026-11-24T23:30Z'), stockholm)).toBe(wallClock('2026-11-25T00:00'));
    expect(localMidnightOf(instant('2026-11-25T22:59Z'), stockholm)).toBe(wallClock('2026-11-25T00:00'));
    expect(localMidnightOf(instant('2026-11-25T23:00Z'), stockholm)).toBe(wallClock('2026-11-26T00:00'));
  });
});

describe('isoWeekdayOf', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    expect(isoWeekdayOf(wallClock('2026-11-23T00:00'))).toBe(1);
    expect(isoWeekdayOf(wallClock('2026-11-25T00:00'))).toBe(3);
    expect(isoWeekdayOf(wallClock('2026-11-29T00:00'))).toBe(7);
  });
});

describe('zoneNamed', () => {
  it('refuses an unknown zone', () => {
    expect(() => zoneNamed('Europe/Malmo')).toThrow('Unknown time zone: Europe/Malmo');
  });
});

describe('isoInZone', () => {
  it('writes every instant as Luxon writes it, across DST changes, odd offsets and either side of UTC', () => {
    const zones = ['Europe/Stockholm', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
    const differences: string[] = [];
    for (const name of zones) {
      const zone = zoneNamed(name);
      // Every 97 minutes and 13 ms through a year: every quarter of an hour of the day comes by, and both DST changes.
      for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 97 * 60_000 + 13) {
        const luxon = DateTime.fromMillis(instant, { zone }).toISO();
        if (isoInZone(instant, zone) !== luxon) differences.push(`${name} ${luxon}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('leaves years outside 1000–9999 and historical offsets in seconds to Luxon', () => {
    const zone = zoneNamed('Europe/Stockholm');
    for (const instant of [Date.UTC(1879, 5, 1, 12), Date.UTC(10_000, 0, 5), Date.UTC(999, 0, 1)]) {
      expect(isoInZone(instant, zone)).toBe(DateTime.fromMillis(instant, { zone }).toISO());
    }
  });
});
