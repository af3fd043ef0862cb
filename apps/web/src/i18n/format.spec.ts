import { dayRelation, formatDistance, formatTime, fromLocalInputValue, toLocalInputValue } from './format';

describe('dates and times in Stockholm', () => {
  it('formats in the user language, in Stockholm time', () => {
    expect(formatTime('2026-07-01T10:05:00Z', 'sv')).toBe('12:05');
    expect(formatTime('2026-12-01T10:05:00Z', 'en')).toBe('11:05');
  });

  it('turns datetime-local values into instants with the right offset, and back', () => {
    expect(fromLocalInputValue('2026-07-01T12:00')).toBe('2026-07-01T12:00:00+02:00');
    expect(fromLocalInputValue('2026-12-01T12:00')).toBe('2026-12-01T12:00:00+01:00');
    expect(toLocalInputValue('2026-12-01T12:00:00+01:00')).toBe('2026-12-01T12:00');
    expect(fromLocalInputValue('not a time')).toBeNull();
  });

  it('moves a time the spring change skips forward an hour, and takes the first of a repeated one', () => {
    // 29 March 2026: 02:00 → 03:00. 25 October 2026: 03:00 → 02:00.
    expect(fromLocalInputValue('2026-03-29T02:30')).toBe('2026-03-29T02:30:00+01:00');
    expect(new Date(fromLocalInputValue('2026-03-29T02:30')!).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(fromLocalInputValue('2026-10-25T02:30')).toBe('2026-10-25T02:30:00+02:00');
  });

  it('tells today and tomorrow by the Stockholm calendar', () => {
    const now = new Date('2026-11-25T22:30:00Z'); // 23:30 in Stockholm
    expect(dayRelation('2026-11-25T22:50:00Z', now)).toBe('today');
    expect(dayRelation('2026-11-25T23:10:00Z', now)).toBe('tomorrow');
    expect(dayRelation('2026-11-27T10:00:00Z', now)).toBe('other');
  });

  it('gives distances in metres, then kilometres', () => {
    expect(formatDistance(70.1, 'en')).toBe('70 m');
    expect(formatDistance(1234, 'sv')).toBe('1,2 km');
    expect(formatDistance(1234, 'en')).toBe('1.2 km');
  });
});
