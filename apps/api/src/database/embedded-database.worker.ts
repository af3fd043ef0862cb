import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { EmbeddedDatabaseReply, EmbeddedDatabaseWorkerData } from './embedded-database';
import { EmbeddedDatabaseServer } from './embedded-database.server';

/**
 * The embedded database's own thread: PGlite with PostGIS and the socket server the api's `pg` pool connects to.
 * Started by EmbeddedDatabase.start. Every query runs here, so a long one (or PostGIS unpacking at start-up) never
 * holds up the api's sockets and timers, and both cores work.
 */
const { dataDir, socketPath, maxConnections } = workerData as EmbeddedDatabaseWorkerData;
const port = parentPort;
if (!port) throw new Error('embedded-database.worker runs only as a worker thread');

let database: PGlite | null = null;
let server: EmbeddedDatabaseServer | null = null;

/**
 * Written over the data folder's postgresql.conf at each start. PGlite reads its files through the operating
 * system, whose page cache already keeps them: PostgreSQL's own default of 128 MB shared buffers held the same
 * pages a second time inside the WebAssembly memory. 32 MB lowers the api's resident memory by about 110 MB with
 * the zone check as fast (docs/performance.md).
 */
const EMBEDDED_SETTINGS = ['shared_buffers = 32MB'];

async function open(): Promise<void> {
  const fresh = !dataDir || !existsSync(join(dataDir, 'PG_VERSION'));
  const image = fresh ? readFreshImage() : null;
  database = await PGlite.create({
    dataDir: dataDir ?? undefined,
    extensions: { postgis },
    postgresqlconf: EMBEDDED_SETTINGS,
    ...(image ? { loadDataDir: new Blob([new Uint8Array(image)]) } : {}),
  });
  await database.exec('CREATE EXTENSION IF NOT EXISTS postgis');
  if (fresh && !image) await keepFreshImage(database);
  server = new EmbeddedDatabaseServer(database, socketPath, maxConnections);
  await server.start();
}

/**
 * A new database with PostGIS takes about 11 s of CPU to make (initdb, then the extension's SQL) and is the same
 * every time for the same PGlite and PostGIS builds. The first one made is kept as an image (a 6 MB tarball of its
 * files) in node_modules/.cache, named by both versions, and later new databases start from a copy of it in about
 * 2 s: a second data folder, a test database, the demo after `rm -rf data`. `npm ci` empties the cache.
 */
const PGLITE_ENTRY = require.resolve('@electric-sql/pglite');
const NODE_MODULES = PGLITE_ENTRY.slice(0, PGLITE_ENTRY.lastIndexOf('node_modules') + 'node_modules'.length);
const IMAGE_FILE = join(
  NODE_MODULES,
  '.cache',
  'samverkan',
  `pglite-${packageVersion('@electric-sql/pglite')}-postgis-${packageVersion('@electric-sql/pglite-postgis')}.tar.gz`,
);

/** The installed version (their package.json is not among their exports, so it is read from node_modules). */
function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(NODE_MODULES, name, 'package.json'), 'utf8')) as { version: string }).version;
}

function readFreshImage(): Buffer | null {
  try {
    return readFileSync(IMAGE_FILE);
  } catch {
    return null;
  }
}

/** Best effort: a read-only install (a container image) simply makes each new database from scratch. */
async function keepFreshImage(fresh: PGlite): Promise<void> {
  const partial = `${IMAGE_FILE}.${process.pid}.${Date.now()}.partial`;
  try {
    const image = Buffer.from(await (await fresh.dumpDataDir('gzip')).arrayBuffer());
    mkdirSync(dirname(IMAGE_FILE), { recursive: true });
    writeFileSync(partial, image);
    renameSync(partial, IMAGE_FILE);
  } catch {
    rmSync(partial, { force: true });
  }
}

/** Stops serving, then closes the files cleanly (a checkpoint, so the next start is fast). */
async function close(): Promise<void> {
  // Returns once the clean-ups of the clients it closed have run.
  await server?.stop();
  await database?.close();
}

function reply(message: EmbeddedDatabaseReply): void {
  port?.postMessage(message);
}

open().then(
  () => reply({ type: 'ready' }),
  (error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);

port.on('message', (message: { type: 'stop' }) => {
  if (message.type !== 'stop') return;
  close().then(
    () => reply({ type: 'stopped' }),
    (error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
