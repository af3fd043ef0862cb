import { randomUUID } from 'node:crypto';

// Apart from factories.ts, which loads the api through test-app.ts, so the browser tests can use it too.

/** A short unique suffix, so test files sharing one database never collide on names or e-mails. */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
