import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';

/**
 * A TCP relay in front of the test database, so a test can make the database unreachable for one app (as a
 * network failure or a stopped server would) without touching the database the other tests use.
 */
export class DatabaseProxy {
  private constructor(
    private readonly server: Server,
    private readonly sockets: Set<Socket>,
    /** The database URL with the relay's address in place of the server's. */
    readonly url: string,
  ) {}

  static async start(databaseUrl: string): Promise<DatabaseProxy> {
    const target = new URL(databaseUrl);
    const sockets = new Set<Socket>();
    const server = createServer((client) => {
      // The embedded database listens on a Unix socket: its URL names the socket's directory as the host.
      const host = decodeURIComponent(target.hostname);
      const port = Number(target.port || 5432);
      const upstream = host.startsWith('/')
        ? connect(join(host, `.s.PGSQL.${port}`))
        : connect(port, target.hostname);
      for (const [socket, other] of [
        [client, upstream],
        [upstream, client],
      ]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => other.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String((server.address() as { port: number }).port);
    return new DatabaseProxy(server, sockets, url.toString());
  }

  /** Cuts every open connection and refuses new ones: the database is unreachable from now on. */
  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}
