// A request body nested thousands of levels deep is valid JSON, but turning it into a DTO (class-transformer,
// class-validator) recurses once per level and ends in a RangeError: a 500 for what is the client's mistake.
// The body is measured before it is parsed and refused with 400. The deepest body the api takes (a zone import:
// FeatureCollection → features → Feature → geometry → MultiPolygon coordinates) is 8 levels deep.

/** How deeply objects and arrays may nest in a request body. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * Whether the JSON text nests objects and arrays more than `max` levels deep. Scans the UTF-8 bytes once, skipping
 * strings (a multi-byte character never holds an ASCII byte); the text need not be valid JSON (the parser says so).
 */
export function jsonNestsDeeperThan(body: Uint8Array, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPEN.has(byte)) {
      if (++depth > max) return true;
    } else if (CLOSE.has(byte)) {
      depth--;
    }
  }
  return false;
}

/** The body parser's `verify` hook: a body nested too deeply is refused before it is parsed. */
export function refuseDeepJson(_request: unknown, _response: unknown, body: Buffer): void {
  if (jsonNestsDeeperThan(body)) {
    throw Object.assign(new Error(`The request body nests deeper than ${MAX_JSON_DEPTH} levels`), {
      type: 'entity.too.deep',
    });
  }
}
