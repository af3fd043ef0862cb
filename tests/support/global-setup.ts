import { EmbeddedDatabase } from '../../apps/api/src/database/embedded-database';

/**
 * One database for the whole run: the PostgreSQL server named by DATABASE_URL, or else an in-memory
 * embedded PGlite with PostGIS, started once (it takes seconds) and shared by every test file.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.SAMVERKAN_TEST_DATABASE_URL = process.env.DATABASE_URL;
    process.env.SAMVERKAN_TEST_EMBEDDED = 'false';
    return;
  }
  const database = await EmbeddedDatabase.start(null);
  (globalThis as { samverkanTestDatabase?: EmbeddedDatabase }).samverkanTestDatabase = database;
  process.env.SAMVERKAN_TEST_DATABASE_URL = database.url;
  process.env.SAMVERKAN_TEST_EMBEDDED = 'true';
}
