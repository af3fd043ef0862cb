import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createClient } from 'redis';
import { destroyRedisClients } from '../common/redis-shutdown';
import { APP_CONFIG, AppConfig } from '../config/app-config';

type RedisClient = ReturnType<typeof createClient>;

/** Answers whether Redis (the link between api instances) is reachable. */
@Injectable()
export class RedisProbe implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisProbe.name);
  private client: RedisClient | null = null;
  private connecting: Promise<unknown> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.redisUrl !== null;
  }

  async ping(timeoutMs = 1000): Promise<boolean> {
    const client = this.connect();
    if (!client) return false;
    if (!client.isReady) return false;
    try {
      const answer = await Promise.race([
        client.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
      ]);
      return answer === 'PONG';
    } catch {
      return false;
    }
  }

  private connect(): RedisClient | null {
    if (!this.config.redisUrl) return null;
    if (!this.client) {
      this.client = createClient({
        url: this.config.redisUrl,
        socket: { reconnectStrategy: (retries) => Math.min(retries * 200, 5000), connectTimeout: 2000 },
      });
      this.client.on('error', (error: Error) => this.logger.debug(`Redis: ${error.message}`));
      this.connecting = this.client.connect().catch(() => undefined);
    }
    return this.client;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client) await destroyRedisClients([this.client], this.connecting ? [this.connecting] : []);
    this.client = null;
    this.connecting = null;
  }
}
