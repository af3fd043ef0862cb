import type { RedisAdapter } from '@socket.io/redis-adapter';
import { encode } from 'notepack.io';
import { skipOwnEchoes } from './cluster-link';

/** The adapter's `onmessage`, as the Redis subscription calls it: pattern, channel, the raw packet. */
type OnMessage = (pattern: unknown, channel: string, message: Buffer) => void;

function adapterWithUid(uid: string) {
  const decoded: Buffer[] = [];
  const adapter = {
    uid,
    onmessage(_pattern: unknown, _channel: string, message: Buffer) {
      decoded.push(message);
    },
  };
  skipOwnEchoes(adapter as unknown as RedisAdapter);
  return { onmessage: (adapter as unknown as { onmessage: OnMessage }).onmessage, decoded };
}

/** A broadcast as the Redis adapter publishes it: [sender's uid, packet, options], MessagePack. */
function broadcastFrom(uid: string): Buffer {
  return encode([uid, { type: 2, data: ['message:new', { body: 'Hej' }], nsp: '/' }, { rooms: ['channel:1'], except: [], flags: {} }]);
}

describe('skipOwnEchoes', () => {
  it("drops this instance's own broadcasts, coming back from Redis, without decoding them", () => {
    const { onmessage, decoded } = adapterWithUid('aB3-_9');
    onmessage(null, 'socket.io#/#channel:1#', broadcastFrom('aB3-_9'));
    expect(decoded).toEqual([]);
  });

  it("passes every other instance's broadcast on to the adapter, whatever its id shares with this one", () => {
    const { onmessage, decoded } = adapterWithUid('aB3dE9');
    const others = [broadcastFrom('aB3dE8'), broadcastFrom('xB3dE9'), broadcastFrom('aB3dE9x'), broadcastFrom('aB3dE')];
    for (const message of others) onmessage(null, 'socket.io#/#channel:1#', message);
    expect(decoded).toEqual(others);
  });

  it('passes on what is not a broadcast packet (too short, or not MessagePack)', () => {
    const { onmessage, decoded } = adapterWithUid('aB3dE9');
    const odd = [Buffer.from([0x93, 0xa6]), Buffer.from('{"uid":"aB3dE9"}')];
    for (const message of odd) onmessage(null, 'socket.io#/#', message);
    expect(decoded).toEqual(odd);
  });
});
