import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ensurePrivateDir, SECRET_FILE_MODE } from '../config/private-files';

/** What EmbeddedDatabase.start hands its worker thread (embedded-database.worker.ts). */
export interface EmbeddedDatabaseWorkerData {
  dataDir: string | null;
  socketPath: string;
  maxConnections: number;
}

/** What the worker thread answers: once ready (or failed) after starting, once stopped after `stop`. */
export type EmbeddedDatabaseReply = { type: 'ready' } | { type: 'stopped' } | { type: 'failed'; message: string };

/**
 * PGlite with PostGIS, served on a Unix socket so the api talks to it with the same `pg` driver and the same SQL
 * as to a PostgreSQL server.
 *
 * It runs in a worker thread of its own: PGlite executes queries synchronously in WebAssembly, and in the api's
 * thread every insert would hold up every socket and timer (see docs/decisions/0015-embedded-database-thread-and-image.md).
 * Opening it there also lets the api's modules load on the other core meanwhile.
 *
 * The socket server has no authentication of its own (every client is the superuser `postgres`), so it never
 * listens on a TCP port: its socket sits in a fresh directory of mode 0700, which only this OS user (who can read
 * DATA_DIR anyway) can enter. Other local users' processes are refused by the kernel.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly worker: Worker,
    readonly url: string,
    private readonly lockFile: string | null,
    private readonly socketDir: string,
  ) {}

  /**
   * @param dataDir where the data lives; `null` keeps it in memory (tests).
   * PGlite serves one connection at a time: the socket server admits a few connections but runs their
   * queries one after another, and the api's pool holds a single connection so requests queue.
   */
  static async start(dataDir: string | null, maxConnections = 4): Promise<EmbeddedDatabase> {
    let lockFile: string | null = null;
    if (dataDir) {
      ensurePrivateDir(dataDir);
      lockFile = join(dataDir, 'embedded-db.pid');
      claimLock(lockFile);
    }
    // In the temporary folder, not in DATA_DIR: a socket path must stay under about 100 bytes.
    const socketDir = mkdtempSync(join(tmpdir(), 'samverkan-db-'));
    let worker: Worker | null = null;
    try {
      ensurePrivateDir(socketDir);
      const workerData: EmbeddedDatabaseWorkerData = {
        dataDir: dataDir ? join(dataDir, 'pglite') : null,
        // `pg` looks for `.s.PGSQL.<port>` in the directory named as the host; 5432 is its default port.
        socketPath: join(socketDir, '.s.PGSQL.5432'),
        maxConnections,
      };
      worker = new Worker(join(__dirname, 'embedded-database.worker.js'), { workerData });
      await nextReply(worker, 'ready');
      const url = `postgres://postgres@${encodeURIComponent(socketDir)}/postgres`;
      return new EmbeddedDatabase(worker, url, lockFile, socketDir);
    } catch (error) {
      await worker?.terminate();
      rmSync(socketDir, { recursive: true, force: true });
      if (lockFile) rmSync(lockFile, { force: true });
      throw error;
    }
  }

  /** Stops serving and closes the database files cleanly (a checkpoint, so the next start is fast). */
  async stop(): Promise<void> {
    try {
      this.worker.postMessage({ type: 'stop' });
      await nextReply(this.worker, 'stopped');
    } finally {
      await this.worker.terminate();
      rmSync(this.socketDir, { recursive: true, force: true });
      if (this.lockFile) rmSync(this.lockFile, { force: true });
    }
  }
}

/** The worker's next answer: resolves on `expected`, rejects when it fails or ends first. */
function nextReply(worker: Worker, expected: 'ready' | 'stopped'): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      outcome();
    };
    const onMessage = (reply: EmbeddedDatabaseReply) => {
      if (reply.type === expected) settle(resolve);
      else if (reply.type === 'failed') settle(() => reject(new Error(`The embedded database failed: ${reply.message}`)));
    };
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) =>
      settle(() => reject(new Error(`The embedded database's thread ended (exit code ${code}) before it was ${expected}`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/** Two processes on one PGlite data folder would corrupt it: refuse while another live process holds it. */
function claimLock(lockFile: string): void {
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${join(lockFile, '..')} is in use by process ${pid}. ` +
          'Stop that process first, or point DATA_DIR elsewhere.',
      );
    }
  }
  writeFileSync(lockFile, String(process.pid), { mode: SECRET_FILE_MODE });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
