// One in-memory embedded test database (PGlite with PostGIS, from the built api) in a process of its own, so
// that each Jest worker's database runs on its own core instead of all of them in Jest's main thread.
// Started by global-setup.ts with an IPC channel: it sends { url } when ready and ends when the channel closes
// (the teardown, or Jest's main process dying).
const { EmbeddedDatabase } = require('../../dist/apps/api/src/database/embedded-database.js');

EmbeddedDatabase.start(null).then(
  (database) => {
    const stop = () => database.stop().finally(() => process.exit(0));
    process.once('disconnect', stop);
    process.once('SIGTERM', stop);
    process.send({ url: database.url });
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
