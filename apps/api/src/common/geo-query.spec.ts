import { bboxProblem, parseDecimal, parseInstant, parseOptionalInstant, parseWordList } from './geo-query';

describe('parseDecimal', () => {
  it.each([
    ['55.6', 55.6],
    ['-13', -13],
    ['+0.5', 0.5],
    ['.5', 0.5],
    ['1e2', 100],
  ])('reads %p', (text, value) => expect(parseDecimal(text)).toBe(value));

  it.each(['', ' ', 'NaN', 'Infinity', '0x10', '1,5', '55.6abc', '1e'])('refuses %p', (text) => expect(parseDecimal(text)).toBeNaN());

  it('refuses repeated parameters and other types', () => {
    expect(parseDecimal(['1', '2'])).toBeNaN();
    expect(parseDecimal({})).toBeNaN();
    expect(parseDecimal(undefined)).toBeNaN();
  });

  it('gives Infinity for an overflowing number, which the validators then refuse', () => {
    expect(parseDecimal('1e999')).toBe(Number.POSITIVE_INFINITY);
  });
});

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

describe('bboxProblem', () => {
  it('accepts four numbers in range, min before max', () => {
    expect(bboxProblem('12.9,55.5,13.1,55.7')).toBeNull();
    expect(bboxProblem('-180,-90,180,90')).toBeNull();
  });

  it.each([
    [undefined, /given once/],
    [['1,2,3,4', '1,2,3,4'], /given once/],
    ['1,2,3', /four numbers/],
    ['a,b,c,d', /four numbers/],
    ['-181,0,0,1', /longitudes/],
    ['0,-91,1,1', /latitudes/],
    ['13,55,12,56', /minimum must not exceed/],
  ])('refuses %p', (value, reason) => expect(bboxProblem(value)).toMatch(reason));
});

describe('parseWordList', () => {
  it('splits on commas and joins repeated parameters', () => {
    expect(parseWordList('agreed,proposed')).toEqual(['agreed', 'proposed']);
    expect(parseWordList(['agreed', 'suspended'])).toEqual(['agreed', 'suspended']);
    expect(parseWordList('')).toEqual([]);
  });
});
