import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createAdapter, type RedisAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { destroyRedisClients } from '../common/redis-shutdown';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** What this class needs of a node-redis client. */
interface RedisClient {
  on(event: string, listener: (...args: any[]) => void): unknown;
  connect(): Promise<unknown>;
  destroy(): void;
}
type AdapterFactory = ReturnType<typeof createAdapter>;

/** Broadcasts waiting for Redis's answer before new ones are refused (and then dropped, as while Redis is away). */
const PUBLISH_QUEUE_MAX = 50_000;

/**
 * The link between api instances: two Redis connections (publish and subscribe) for the Socket.IO Redis
 * adapter. Redis going away must never stop an instance: each keeps serving its own sockets, the clients
 * reconnect with back-off, and when the link is back the sockets are told to catch up (`resync`).
 */
@Injectable()
export class ClusterLink implements OnApplicationShutdown {
  private readonly logger = new Logger('ClusterLink');
  private clients: RedisClient[] = [];
  /** The clients' first connection attempts, settled (never rejecting). */
  private connecting: Promise<unknown>[] = [];
  private readonly ready = new Set<string>();
  /** From the first connection error until every connection is ready again. */
  private degraded = false;
  private readonly healthListeners: ((healthy: boolean) => void)[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The adapter factory, or null without REDIS_URL (a single instance). `onRestored` runs when the link is back. */
  adapterFactory(onRestored: () => void): AdapterFactory | null {
    if (!this.config.redisUrl) return null;
    const options = {
      url: this.config.redisUrl,
      socket: {
        connectTimeout: 2000,
        // Quick first retries, then every 2 s at most, so a returning Redis is found soon.
        reconnectStrategy: (retries: number) =>
          Math.min(50 * 2 ** retries, 2000) + Math.floor(Math.random() * 100),
      },
    };
    // Publishing while Redis is away fails at once instead of queueing stale broadcasts for later. No timeout per
    // command: node-redis arms an AbortSignal timer for each (a timer and an exception per broadcast, 2 % of the
    // api's time under chat load) for publishes nobody awaits; a bounded queue keeps a hung Redis from growing it.
    const publisher = createClient({
      ...options,
      disableOfflineQueue: true,
      commandOptions: { timeout: 0 },
      commandsQueueMaxLength: PUBLISH_QUEUE_MAX,
    });
    // Subscriptions queue until the connection exists and are renewed on every reconnect.
    const subscriber = createClient(options);
    this.watch(publisher, 'publish', onRestored);
    this.watch(subscriber, 'subscribe', onRestored);
    this.clients = [publisher, subscriber];
    this.connecting = this.clients.map((client) => client.connect().catch(() => undefined));
    const createRedisAdapter = createAdapter(withHandledRejections(publisher), withHandledRejections(subscriber), {
      requestsTimeout: 3000,
      key: this.config.redisKeyPrefix,
    });
    // Socket.IO calls the factory with `new`: a function, not an arrow, and the adapter it returns is the result.
    return function ownEchoesSkipped(namespace: unknown) {
      return skipOwnEchoes(createRedisAdapter(namespace));
    };
  }

  /**
   * `listener(true)` whenever both connections are ready (the first time too), `listener(false)` at every
   * connection error: what must not be trusted while another instance could go unheard (auth's session cache).
   */
  onHealthChange(listener: (healthy: boolean) => void): void {
    this.healthListeners.push(listener);
  }

  private tellHealth(healthy: boolean): void {
    for (const listener of this.healthListeners) listener(healthy);
  }

  private watch(client: RedisClient, role: string, onRestored: () => void): void {
    client.on('error', (error: Error) => {
      this.ready.delete(role);
      this.tellHealth(false);
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn(
          `Redis (${role}) is unreachable: ${error.message}. Serving this instance's own sockets until it is back.`,
        );
      }
    });
    client.on('ready', () => {
      this.ready.add(role);
      if (this.ready.size === this.clients.length) this.tellHealth(true);
      // Back only when both connections are: a broadcast needs the publisher here and the subscribers there.
      if (this.degraded && this.ready.size === this.clients.length) {
        this.degraded = false;
        this.logger.log('Redis is back: rejoined the other instances');
        onRestored();
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const clients = this.clients;
    const attempts = this.connecting;
    this.clients = [];
    this.connecting = [];
    await destroyRedisClients(clients, attempts);
  }
}

/**
 * Redis sends every broadcast back to the instance that published it too, and the adapter decodes the whole
 * packet before it reads the sender's id and drops it (a decoded copy of every message this instance sends). The
 * id is the packet's first field: MessagePack's array of three, then a string of six characters. So an instance's
 * own broadcasts are known by their first eight bytes and dropped undecoded; every other one goes on as before.
 */
export function skipOwnEchoes(adapter: RedisAdapter): RedisAdapter {
  const uid = String(adapter.uid);
  const ownPrefix = Buffer.concat([Buffer.from([0x93, 0xa0 | uid.length]), Buffer.from(uid, 'utf8')]);
  const target = adapter as unknown as { onmessage(pattern: unknown, channel: string, message: Buffer): void };
  const decodeAndBroadcast = target.onmessage.bind(adapter);
  target.onmessage = (pattern, channel, message) => {
    const own =
      Buffer.isBuffer(message) &&
      message.length > ownPrefix.length &&
      ownPrefix.equals(message.subarray(0, ownPrefix.length));
    if (!own) decodeAndBroadcast(pattern, channel, message);
  };
  return adapter;
}

/**
 * The adapter calls `publish` and `(un)subscribe` without awaiting them: while Redis is away their promises
 * reject, and an unhandled rejection would end the process. Every promise the client returns gets a handler
 * here; callers that await one (the adapter's fetchSockets) still see its error.
 */
function withHandledRejections<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function' || property === 'constructor') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) result.catch(() => undefined);
        return result;
      };
    },
  });
}
