import { parseInstant, parseOptionalInstant } from './instant.validators';

describe('parseInstant', () => {
  it('reads ISO 8601 with an offset', () => {
    expect(parseInstant('2026-03-29T03:30:00+02:00')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(parseInstant('2026-03-29T01:30:00Z')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(parseInstant('2026-03-29T01:30:00.250-01:00')?.toISOString()).toBe('2026-03-29T02:30:00.250Z');
  });

  it('reads the offsets that exist, from -12:00 to +14:00', () => {
    expect(parseInstant('2026-03-29T14:00:00+14:00')?.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(parseInstant('2026-03-29T14:00:00-12:00')?.toISOString()).toBe('2026-03-30T02:00:00.000Z');
    expect(parseInstant('2026-03-29T14:00:00+0545')?.toISOString()).toBe('2026-03-29T08:15:00.000Z');
  });

  it.each(['2026-03-29T14:00:00+99:00', '2026-03-29T14:00:00+24:00', '2026-03-29T14:00:00-15:00', '2026-03-29T14:00:00+05:99', '2026-03-29T14:00:00 99:00'])(
    'refuses the impossible offset of %p',
    (text) => expect(parseInstant(text)).toBeNull(),
  );

  it('reads a + that a query string turned into a space', () => {
    expect(parseInstant('2026-03-29T03:30:00 02:00')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it.each(['2026-03-29', '2026-03-29T03:30:00', 'now', '2026-02-30T00:00:00Z', '2026-03-29T25:00:00Z', ''])('refuses %p', (text) => {
    expect(parseInstant(text)).toBeNull();
  });
});

describe('parseOptionalInstant', () => {
  it('reads a given instant and leaves an absent one undefined', () => {
    expect(parseOptionalInstant('2026-03-29T03:30:00+02:00')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(parseOptionalInstant(undefined)).toBeUndefined();
  });
});
