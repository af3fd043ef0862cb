import type { SiteFeature } from '@samverkan/contracts';
import { knownPlacesMatching } from './known-places';

const site = (name: string, address: string | null) =>
  ({ properties: { name, address } }) as unknown as SiteFeature;

const SITES = [
  site('Demo – Sprututbytet Södervärn (fiktivt)', 'Demo: nära Södervärn'),
  site('Naloxonpunkt Möllan', 'Möllevångstorget 2, Malmö'),
  site('LARO-mottagningen', 'Södra Förstadsgatan 10, Malmö'),
];

describe('searching known places', () => {
  it('finds sites by every word of the name or address, without minding case, accents or dashes', () => {
    const names = (query: string) =>
      knownPlacesMatching(SITES, query, 'sv').map((found) => found.properties.name);
    expect(names('sodervarn')).toEqual(['Demo – Sprututbytet Södervärn (fiktivt)']);
    expect(names('MÖLLEVÅNGSTORGET')).toEqual(['Naloxonpunkt Möllan']);
    expect(names('malmö laro')).toEqual(['LARO-mottagningen']);
    expect(names('demo - sprututbytet')).toEqual(['Demo – Sprututbytet Södervärn (fiktivt)']);
    expect(names('s')).toEqual([]);
    expect(names('Kungsgatan')).toEqual([]);
  });
});
