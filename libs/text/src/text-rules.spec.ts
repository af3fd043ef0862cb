import { checkText, codePointLength, hasForbiddenCharacters } from './text-rules';

const NAME = { min: 1, max: 200 };

describe('codePointLength', () => {
  it.each([
    ['', 0],
    ['Möllevången', 11],
    ['😀', 1],
    ['👍🏽', 2], // a thumb and a skin-tone modifier: two code points
    ['e\u0301', 2], // not normalised to é
    ['\uD83D', 1], // a lone surrogate still counts once
    ['a\u0000b', 3],
  ])('counts %p as %i', (text, length) => {
    expect(codePointLength(text)).toBe(length);
  });
});

describe('hasForbiddenCharacters', () => {
  it.each(['\u0000', 'a\u0000b', '\uD83D', 'x\uDE00', '\uDE00\uD83D', 'end\uD83D'])('finds one in %j', (text) => {
    expect(hasForbiddenCharacters(text)).toBe(true);
  });

  it.each(['', 'Hej', '😀 och 👍🏽', '\u0001\u001F', '\uFFFD', '\uFEFF'])('finds none in %j', (text) => {
    expect(hasForbiddenCharacters(text)).toBe(false);
  });
});

describe('checkText', () => {
  it('accepts text within the limits, as it is', () => {
    expect(checkText('Mötesplats Malmö', 'name', NAME)).toEqual([]);
    expect(checkText('  spaces kept  ', 'name', NAME)).toEqual([]);
    expect(checkText('x', 'name', NAME)).toEqual([]);
    expect(checkText('x'.repeat(200), 'name', NAME)).toEqual([]);
  });

  it('counts code points, so 200 emoji are 200 characters', () => {
    expect(checkText('😀'.repeat(200), 'name', NAME)).toEqual([]);
    expect(checkText('😀'.repeat(201), 'name', NAME)).toEqual([{ field: 'name', message: 'name must be 1–200 characters (got 201)' }]);
  });

  it('refuses text outside the limits, with the length found', () => {
    expect(checkText('', 'name', NAME)).toEqual([{ field: 'name', message: 'name must be 1–200 characters (got 0)' }]);
    expect(checkText('x'.repeat(201), 'name', NAME)).toEqual([{ field: 'name', message: 'name must be 1–200 characters (got 201)' }]);
  });

  it('does not trim: a name of spaces has its length', () => {
    expect(checkText(' ', 'name', NAME)).toEqual([]);
  });

  it('words a limit without a minimum as "at most"', () => {
    expect(checkText('x'.repeat(11), 'notes', { min: 0, max: 10 })).toEqual([{ field: 'notes', message: 'notes must be at most 10 characters (got 11)' }]);
    expect(checkText('', 'notes', { min: 0, max: 10 })).toEqual([]);
  });

  it('refuses a NUL character or a lone surrogate', () => {
    const message = 'name must not contain a NUL character or a lone surrogate';
    expect(checkText('a\u0000b', 'name', NAME)).toEqual([{ field: 'name', message }]);
    expect(checkText('a\uD83Db', 'name', NAME)).toEqual([{ field: 'name', message }]);
  });

  it('reports a forbidden character and a bad length together', () => {
    expect(checkText('\u0000'.repeat(201), 'name', NAME)).toEqual([
      { field: 'name', message: 'name must not contain a NUL character or a lone surrogate' },
      { field: 'name', message: 'name must be 1–200 characters (got 201)' },
    ]);
  });

  it.each([42, true, {}, ['a'], Symbol.for('x')])('refuses the non-string %p', (value) => {
    expect(checkText(value, 'name', NAME)).toEqual([{ field: 'name', message: 'name must be a string' }]);
  });

  it('refuses a missing value unless optional', () => {
    expect(checkText(undefined, 'name', NAME)).toEqual([{ field: 'name', message: 'name is required' }]);
    expect(checkText(undefined, 'address', { ...NAME, optional: true })).toEqual([]);
  });

  it('refuses null unless nullable', () => {
    expect(checkText(null, 'name', NAME)).toEqual([{ field: 'name', message: 'name must be a string' }]);
    expect(checkText(null, 'name', { ...NAME, optional: true })).toEqual([{ field: 'name', message: 'name must be a string' }]);
    expect(checkText(null, 'address', { ...NAME, nullable: true })).toEqual([]);
  });

  it('uses the field path given', () => {
    expect(checkText('', 'agenda[2].title', NAME)).toEqual([{ field: 'agenda[2].title', message: 'agenda[2].title must be 1–200 characters (got 0)' }]);
  });
});
