import { randomUUID } from 'node:crypto';

// Apart from factories.ts, which loads the api through test-app.ts, so the browser tests can use it too.

/**
 * A short unique suffix, so test files sharing one database never collide on names or e-mails. Letters only
 * (eight random hex digits written a–p): a run of digits can read as a phone number, which the identity guard
 * rightly refuses in titles and texts.
 */
export function unique(prefix: string): string {
  const letters = [...randomUUID().slice(0, 8)].map((digit) => String.fromCharCode(97 + parseInt(digit, 16)));
  return `${prefix}-${letters.join('')}`;
}
