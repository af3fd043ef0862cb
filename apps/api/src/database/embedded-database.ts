import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePrivateDir, SECRET_FILE_MODE } from '../config/private-files';

/**
 * PGlite with PostGIS, served on a Unix socket so the api talks to it with the same `pg` driver and the same SQL
 * as to a PostgreSQL server.
 *
 * The socket server has no authentication of its own (every client is the superuser `postgres`), so it never
 * listens on a TCP port: its socket sits in a fresh directory of mode 0700, which only this OS user (who can read
 * DATA_DIR anyway) can enter. Other local users' processes are refused by the kernel.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
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
    try {
      ensurePrivateDir(socketDir);
      const db = await PGlite.create({
        dataDir: dataDir ? join(dataDir, 'pglite') : undefined,
        extensions: { postgis },
      });
      await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
      // `pg` looks for `.s.PGSQL.<port>` in the directory named as the host; 5432 is its default port.
      const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432'), maxConnections });
      await server.start();
      const url = `postgres://postgres@${encodeURIComponent(socketDir)}/postgres`;
      return new EmbeddedDatabase(db, server, url, lockFile, socketDir);
    } catch (error) {
      rmSync(socketDir, { recursive: true, force: true });
      if (lockFile) rmSync(lockFile, { force: true });
      throw error;
    }
  }

  /** Stops serving and closes the database files cleanly (a checkpoint, so the next start is fast). */
  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    rmSync(this.socketDir, { recursive: true, force: true });
    if (this.lockFile) rmSync(this.lockFile, { force: true });
  }
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
