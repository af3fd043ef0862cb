import { bboxProblem, parseDecimal, parseWordList } from './query-param.validators';

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
