import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite with PostGIS, served on a loopback port so the api talks to it with the same `pg` driver
 * and the same SQL as to a PostgreSQL server.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    private readonly lockFile: string | null,
  ) {}

  /**
   * @param dataDir where the data lives; `null` keeps it in memory (tests).
   * PGlite serves one connection at a time: the socket server admits a few connections but runs their
   * queries one after another, and the api's pool holds a single connection so requests queue.
   */
  static async start(dataDir: string | null, maxConnections = 4): Promise<EmbeddedDatabase> {
    let lockFile: string | null = null;
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      lockFile = join(dataDir, 'embedded-db.pid');
      claimLock(lockFile);
    }
    try {
      const db = await PGlite.create({
        dataDir: dataDir ? join(dataDir, 'pglite') : undefined,
        extensions: { postgis },
      });
      await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
      await server.start();
      const port = server.getServerConn().split(':').pop();
      return new EmbeddedDatabase(db, server, `postgres://postgres@127.0.0.1:${port}/postgres`, lockFile);
    } catch (error) {
      if (lockFile) rmSync(lockFile, { force: true });
      throw error;
    }
  }

  /** Stops serving and closes the database files cleanly (a checkpoint, so the next start is fast). */
  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
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
  writeFileSync(lockFile, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
