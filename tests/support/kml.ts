import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';

/**
 * Reads a KML document the way a map program would (XML parser + @tmcw/togeojson) and returns GeoJSON.
 * Any XML error fails the test; xmldom's warnings (such as "a U+FFFD was found") are only heuristics.
 */
export function parseKml(text: string) {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`The KML is not well-formed XML: ${message}`);
    },
  });
  const document = parser.parseFromString(text, 'text/xml');
  return kml(document as unknown as Document);
}
