import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { serialize } from 'pg-protocol';

/** A connection that sends protocol messages by hand and collects the types of the messages answered. */
export async function rawConnection(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const host = decodeURIComponent(url.hostname);
  const port = Number(url.port || 5432);
  const socket: Socket = host.startsWith('/') ? connect(join(host, `.s.PGSQL.${port}`)) : connect(port, host);
  let received = Buffer.alloc(0);
  let arrived: (() => void) | null = null;
  socket.on('data', (data) => {
    received = Buffer.concat([received, data]);
    arrived?.();
  });
  /** Sends `messages`; the types answered, up to the first of type `last`. */
  const ask = async (messages: Buffer[], last: string): Promise<string[]> => {
    socket.write(Buffer.concat(messages));
    for (;;) {
      const types: string[] = [];
      for (let offset = 0; offset + 5 <= received.length;) {
        const end = offset + 1 + received.readInt32BE(offset + 1);
        if (end > received.length) break;
        types.push(String.fromCharCode(received[offset]));
        offset = end;
        if (types.at(-1) === last) {
          received = received.subarray(end);
          return types;
        }
      }
      await new Promise<void>((resolve) => (arrived = resolve));
    }
  };
  await ask(
    [serialize.startup({ user: decodeURIComponent(url.username), database: url.pathname.slice(1) })],
    'Z',
  );
  return { ask, end: () => socket.end(), destroy: () => socket.destroy() };
}
