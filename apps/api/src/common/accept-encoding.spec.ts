import { preferredCoding } from './accept-encoding';

describe('choosing a precompressed copy by Accept-Encoding', () => {
  const both = ['br', 'gzip'] as const;

  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['deflate', null],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0', 'gzip'],
    ['GZIP', 'gzip'],
    ['*', 'br'],
    ['*;q=0', null],
    ['gzip;q=0, *', 'br'],
  ])('%j → %j', (header, expected) => expect(preferredCoding(header, both)).toBe(expected));

  it('sends a coding only when its copy exists', () => {
    expect(preferredCoding('gzip, br', ['gzip'])).toBe('gzip');
    expect(preferredCoding('br', ['gzip'])).toBeNull();
    expect(preferredCoding('br, gzip', [])).toBeNull();
  });
});
