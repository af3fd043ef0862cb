import type { AppConfig } from '../config/app-config';
import { ClusterLink } from './cluster-link';

/**
 * A stand-in for a node-redis client with node-redis's race: `destroy()` while the socket is still being
 * opened closes nothing, and the attempt then opens its socket anyway.
 */
class SlowRedisClient {
  socketOpen = false;
  private open = false;
  private finishConnecting!: () => void;

  on(): this {
    return this;
  }

  connect(): Promise<void> {
    this.open = true;
    return new Promise((resolve) => {
      this.finishConnecting = () => {
        this.socketOpen = true;
        resolve();
      };
    });
  }

  /** The TCP connection comes up now. */
  connected(): void {
    this.finishConnecting();
  }

  destroy(): void {
    if (!this.open && !this.socketOpen) return;
    this.open = false;
    this.socketOpen = false;
  }
}

const clients: SlowRedisClient[] = [];
jest.mock('redis', () => ({
  createClient: () => {
    const client = new SlowRedisClient();
    clients.push(client);
    return client;
  },
}));
jest.mock('@socket.io/redis-adapter', () => ({ createAdapter: () => () => undefined }));

describe('ClusterLink', () => {
  it('closes a connection that was still being opened when the app stopped', async () => {
    const link = new ClusterLink({ redisUrl: 'redis://127.0.0.1:6379' } as AppConfig);
    link.adapterFactory(() => undefined);
    expect(clients).toHaveLength(2);

    const stopping = link.onApplicationShutdown();
    // The sockets come up after the app began to stop.
    clients.forEach((client) => client.connected());
    await stopping;

    expect(clients.map((client) => client.socketOpen)).toEqual([false, false]);
  });
});
