import { join } from 'node:path';
import { Client } from 'pg';

/** The built api's embedded database (its worker thread runs the built file, outside Jest's module sandbox). */
const BUILT_DATABASE = join(__dirname, '..', '..', '..', 'dist', 'apps', 'api', 'src', 'database', 'embedded-database.js');

/**
 * A client that disconnects just before the database stops (a script's `client.end()` then `database.stop()`, or
 * the api's pool closing at Ctrl-C) leaves a clean-up queued in the socket server. Stopping must still succeed:
 * it once failed the whole process with "Cannot read properties of undefined (reading '_IsTransactionBlock')".
 */
describe('the embedded database', () => {
  it('stops cleanly, again and again, right after its client disconnects', async () => {
    const { EmbeddedDatabase } = (await import(BUILT_DATABASE)) as typeof import('../../../apps/api/src/database/embedded-database');
    for (let round = 0; round < 3; round++) {
      const database = await EmbeddedDatabase.start(null);
      const client = new Client({ connectionString: database.url });
      await client.connect();
      await client.query('BEGIN');
      expect((await client.query('SELECT PostGIS_Version() IS NOT NULL AS ok')).rows).toEqual([{ ok: true }]);
      await client.query('COMMIT');
      await client.end();
      await expect(database.stop()).resolves.toBeUndefined();
    }
  }, 120_000);
});
