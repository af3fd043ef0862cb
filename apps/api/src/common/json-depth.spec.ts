import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('jsonNestsDeeperThan', () => {
  it('lets every body the api takes through: a MultiPolygon import is 8 levels deep', () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Zon' },
          geometry: { type: 'MultiPolygon', coordinates: [[[[13, 55.6]]]] },
        },
      ],
    };
    expect(jsonNestsDeeperThan(utf8(JSON.stringify(collection)))).toBe(false);
    expect(jsonNestsDeeperThan(utf8(nested(MAX_JSON_DEPTH)))).toBe(false);
  });

  it('finds nesting deeper than the limit, in arrays and objects alike', () => {
    expect(jsonNestsDeeperThan(utf8(nested(MAX_JSON_DEPTH + 1)))).toBe(true);
    expect(jsonNestsDeeperThan(utf8('{"a":'.repeat(5000) + '1' + '}'.repeat(5000)))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ body: '[[[[{{{{ "\\" [[[[ ' + '['.repeat(100), name: 'å 🚑 ]]]' });
    expect(jsonNestsDeeperThan(utf8(text), 2)).toBe(false);
  });
});
