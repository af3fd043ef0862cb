import type { PGlite } from '@electric-sql/pglite';
import { createServer, type Server, type Socket } from 'node:net';
import { EmbeddedDatabaseConnection } from './embedded-database.connection';

/** Sync, then a simple Query ROLLBACK: what a server does to the session of a client that went away. */
const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);
const ROLLBACK = Buffer.from('Q\0\0\0\x0dROLLBACK\0', 'latin1');

/**
 * Serves PGlite on a Unix socket to `pg` clients, in place of `@electric-sql/pglite-socket`'s server, which hands
 * PGlite one message at a time and passes on its extra ReadyForQuery after an error: the next statement on that
 * connection then got a wrong answer (docs/decisions/0015-embedded-database-thread-and-image.md, addendum).
 *
 * PGlite has one session. Clients' requests take turns; a client whose request leaves the session open (a
 * transaction, or messages before their Sync) keeps it until it is idle again or disconnects, when its
 * transaction is rolled back.
 */
export class EmbeddedDatabaseServer {
  private readonly server: Server;
  private readonly connections = new Set<EmbeddedDatabaseConnection>();
  /** Clients with requests to run, in the order they are served. */
  private readonly turns: EmbeddedDatabaseConnection[] = [];
  /** The client whose session is open: only its requests run until it is idle. */
  private holder: EmbeddedDatabaseConnection | null = null;
  /** Set while requests run (synchronously, so a request that arrives as the last one ends is not missed). */
  private busy = false;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: PGlite,
    private readonly path: string,
    maxConnections: number,
  ) {
    this.server = createServer((socket) => this.accept(socket));
    this.server.maxConnections = maxConnections;
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.path, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  /** Closes every connection and waits until the session is clean, so the database can close. */
  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const connection of this.connections) connection.socket.destroy();
    await closed;
    // A socket's close event (which rolls back a session it held) may come after the server's.
    await new Promise((resolve) => setImmediate(resolve));
    await this.running;
    this.stopped = true;
  }

  private accept(socket: Socket): void {
    const connection = new EmbeddedDatabaseConnection(socket);
    this.connections.add(connection);
    socket.setNoDelay(true);
    socket.on('data', (data) => {
      if (connection.receive(data)) this.serve(connection);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.drop(connection));
  }

  private serve(connection: EmbeddedDatabaseConnection): void {
    if (connection !== this.holder && !this.turns.includes(connection)) this.turns.push(connection);
    this.run();
  }

  private drop(connection: EmbeddedDatabaseConnection): void {
    connection.closed = true;
    connection.requests.length = 0;
    this.connections.delete(connection);
    const turn = this.turns.indexOf(connection);
    if (turn >= 0) this.turns.splice(turn, 1);
    this.run();
  }

  private run(): void {
    if (this.busy || this.stopped) return;
    this.running = this.runTurns();
  }

  private async runTurns(): Promise<void> {
    this.busy = true;
    try {
      for (;;) {
        if (this.holder?.closed) {
          await this.reset();
          this.holder = null;
        }
        const connection = this.holder ?? this.turns.shift();
        if (!connection) return;
        if (connection.requests.length === 0) {
          if (connection === this.holder) return;
          continue;
        }
        const idle = await connection.runNext(this.db);
        this.holder = idle ? null : connection;
        if (idle && connection.requests.length > 0) this.turns.push(connection);
      }
    } finally {
      this.busy = false;
    }
  }

  /** Ends what a client that went away left open: skipping to a Sync, a transaction. */
  private async reset(): Promise<void> {
    try {
      await this.db.runExclusive(async () => {
        const discard = { onRawData: () => undefined };
        await this.db.execProtocolRawStream(SYNC, discard);
        if (this.db.isInTransaction()) await this.db.execProtocolRawStream(ROLLBACK, discard);
      });
    } catch {
      // The database is closing: there is no session left to clean.
    }
  }
}
