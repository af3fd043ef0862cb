/** What shutting down needs of a node-redis client. */
export interface DestroyableRedisClient {
  destroy(): void;
}

/** Longer than a connection attempt (the clients' connectTimeout is 2 s), so the second round finds every socket. */
const CONNECT_SETTLE_MS = 3000;

/**
 * Closes node-redis clients for good. node-redis keeps a socket that was still being opened when `destroy()`
 * came (an app stopped right after it started, or right after its first health check): the first round stops
 * the retries, and once the first connection attempts (`attempts`, never rejecting) have settled, a second round
 * closes what they opened. Otherwise the process could not exit.
 */
export async function destroyRedisClients(
  clients: readonly DestroyableRedisClient[],
  attempts: readonly Promise<unknown>[],
): Promise<void> {
  clients.forEach(destroyQuietly);
  let timer: NodeJS.Timeout | undefined;
  const patience = new Promise((resolve) => (timer = setTimeout(resolve, CONNECT_SETTLE_MS)));
  await Promise.race([Promise.all(attempts), patience]);
  clearTimeout(timer);
  clients.forEach(destroyQuietly);
}

function destroyQuietly(client: DestroyableRedisClient): void {
  try {
    client.destroy();
  } catch {
    // already closed
  }
}
