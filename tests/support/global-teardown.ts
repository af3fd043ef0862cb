import type { EmbeddedDatabase } from '../../apps/api/src/database/embedded-database';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { samverkanTestDatabase?: EmbeddedDatabase }).samverkanTestDatabase?.stop();
}
