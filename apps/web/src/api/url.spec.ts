import { pathSegment, queryString } from './url';

describe('queryString', () => {
  it('leaves out what has no value and encodes the rest', () => {
    expect(queryString({ lang: 'sv', draft: true, version: undefined, site: '', q: 'a b&c' })).toBe(
      '?lang=sv&draft=true&q=a+b%26c',
    );
  });

  it('is empty without parameters', () => {
    expect(queryString({ since: undefined })).toBe('');
  });
});

describe('pathSegment', () => {
  it('keeps an id inside one segment', () => {
    expect(pathSegment('a/b?c')).toBe('a%2Fb%3Fc');
  });
});
