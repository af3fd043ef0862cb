import type { Schedule, ZoneSummary } from '@samverkan/contracts';
import { describeSchedule } from '@samverkan/geo';
import { formatDateTime } from '../i18n/format';
import { translate } from '../i18n/i18n';
import type { Language } from '../i18n/dictionary';
import { summaryTimingText, timingSentence, validityText, whenText } from './zone-timing-text';

const tr =
  (language: Language) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(language, key, params);
const weekdays: Schedule = {
  timezone: 'Europe/Stockholm',
  windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '16:00' }],
};

describe('the schedule in words, as the panels show it', () => {
  it.each<[Language, Schedule | null, string[]]>([
    ['en', weekdays, ['Mon–Fri 09:00–16:00']],
    ['sv', weekdays, ['Mån–fre 09:00–16:00']],
    ['en', null, ['Always']],
    ['sv', null, ['Alltid']],
    [
      'en',
      { timezone: 'Europe/Stockholm', windows: [{ days: [5, 6], from: '22:00', to: '04:00' }] },
      ['Fri, Sat 22:00–04:00 (next day)'],
    ],
    [
      'sv',
      { timezone: 'Europe/Stockholm', windows: [{ days: [5, 6], from: '22:00', to: '04:00' }] },
      ['Fre, lör 22:00–04:00 (nästa dag)'],
    ],
    [
      'en',
      {
        timezone: 'Europe/Stockholm',
        windows: [
          { days: [1, 2, 3, 4, 5], from: '09:00', to: '16:00' },
          { days: [6], from: '10:00', to: '14:00' },
        ],
        exceptions: [{ date: '2026-12-24', closed: true }],
      },
      ['Mon–Fri 09:00–16:00', 'Sat 10:00–14:00', '2026-12-24: closed'],
    ],
  ])('%s %j', (language, schedule, lines) => {
    expect(describeSchedule(schedule, language)).toEqual(lines);
  });
});

describe('validityText', () => {
  it('names both ends, says "open" for a missing one, and "until further notice" for neither', () => {
    expect(validityText('2026-11-30T09:00:00+01:00', null, 'en', tr('en'))).toBe('Mon 30 Nov, 09:00 – open');
    expect(validityText(null, '2026-11-30T09:00:00+01:00', 'sv', tr('sv'))).toBe(
      `öppet – ${formatDateTime('2026-11-30T09:00:00+01:00', 'sv')}`,
    );
    expect(validityText(null, null, 'en', tr('en'))).toBe('Until further notice');
  });
});

describe('whenText', () => {
  // 25 Nov 2026, 14:00 in Stockholm (UTC+1).
  const now = new Date('2026-11-25T13:00:00Z');

  it('gives only the time today, "tomorrow" and the time tomorrow, and the date further away', () => {
    expect(whenText('2026-11-25T16:00:00+01:00', now, 'en', tr('en'))).toBe('16:00');
    expect(whenText('2026-11-26T02:00:00+01:00', now, 'en', tr('en'))).toBe('tomorrow 02:00');
    expect(whenText('2026-11-26T02:00:00+01:00', now, 'sv', tr('sv'))).toBe('i morgon 02:00');
    expect(whenText('2026-11-30T09:00:00+01:00', now, 'en', tr('en'))).toBe('Mon 30 Nov, 09:00');
  });

  it("shows Stockholm's time whatever the offset the time was written with", () => {
    expect(whenText('2026-11-25T15:00:00Z', now, 'en', tr('en'))).toBe('16:00');
  });

  it('knows "tomorrow" across the night the clocks go back', () => {
    // Saturday 24 Oct 2026, 23:30 summer time; the clocks go back at 03:00 on Sunday.
    const lateSaturday = new Date('2026-10-24T21:30:00Z');
    expect(whenText('2026-10-25T09:00:00+01:00', lateSaturday, 'en', tr('en'))).toBe('tomorrow 09:00');
  });
});

describe('timingSentence', () => {
  const now = new Date('2026-11-25T13:00:00Z');

  it.each<[Parameters<typeof timingSentence>[0], Parameters<typeof timingSentence>[1], string]>([
    [
      'in-force',
      { inForce: true, until: '2026-11-25T16:00:00+01:00', nextInForceAt: null },
      'In force now, until 16:00.',
    ],
    ['in-force', { inForce: true, until: null, nextInForceAt: null }, 'In force now, with no end time.'],
    [
      'outside-hours',
      { inForce: false, until: null, nextInForceAt: '2026-11-26T09:00:00+01:00' },
      'Not in force now. In force from tomorrow 09:00.',
    ],
    [
      'outside-hours',
      { inForce: false, until: null, nextInForceAt: null },
      'Not in force now, and not again within its current validity.',
    ],
    [
      'proposed',
      { inForce: false, until: null, nextInForceAt: null },
      'Not in force: not yet agreed by both sides.',
    ],
    [
      'suspended',
      { inForce: false, until: null, nextInForceAt: null },
      'Not in force: suspended until both sides approve it again.',
    ],
  ])('%s', (state, timing, sentence) => {
    expect(timingSentence(state, timing, now, 'en', tr('en'))).toBe(sentence);
  });

  it('speaks Swedish', () => {
    expect(
      timingSentence(
        'in-force',
        { inForce: true, until: '2026-11-25T16:00:00+01:00', nextInForceAt: null },
        now,
        'sv',
        tr('sv'),
      ),
    ).toBe('Gäller nu, till 16:00.');
  });
});

describe('summaryTimingText (the check answer)', () => {
  const now = new Date('2026-11-25T13:00:00Z');
  const zone: ZoneSummary = {
    zoneId: 'z',
    name: 'Z',
    siteId: 's',
    siteName: 'S',
    inForce: false,
    distanceMeters: 0,
  };

  it('says until when, from when, or neither', () => {
    expect(
      summaryTimingText({ ...zone, inForce: true, until: '2026-11-25T17:00:00+01:00' }, now, 'en', tr('en')),
    ).toBe('in force until 17:00');
    expect(summaryTimingText({ ...zone, inForce: true }, now, 'en', tr('en'))).toBe(
      'in force, with no end time',
    );
    expect(
      summaryTimingText({ ...zone, nextInForceAt: '2026-11-26T09:00:00+01:00' }, now, 'sv', tr('sv')),
    ).toBe('gäller inte nu, från i morgon 09:00');
    expect(summaryTimingText(zone, now, 'en', tr('en'))).toBe('not in force now');
  });
});
