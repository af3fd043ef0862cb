/**
 * The embedded database (PGlite with PostGIS) of a data folder, alone in a process, for the zone-check bench's
 * raw-SQL anchor: the bench starts it pinned to the api's core, so the SQL sent straight to PGlite runs where the
 * api's own PGlite thread runs. Started with an IPC channel: it sends `{ url }` when ready and stops (cleanly, a
 * checkpoint) when the channel closes or on SIGTERM. The data folder is the first argument.
 */
import { EmbeddedDatabase } from '../apps/api/src/database/embedded-database';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: embedded-database.child.js <data folder>');
  process.exit(1);
}

EmbeddedDatabase.start(dataDir).then(
  (database) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void database.stop().finally(() => process.exit(0));
    };
    process.once('disconnect', stop);
    process.once('SIGTERM', stop);
    process.send?.({ url: database.url });
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
