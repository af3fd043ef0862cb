import { RealtimePublisher } from './realtime.publisher';
import type { AppServer } from './socket.types';

/** A stand-in for the Socket.IO server that records what was sent and which room operations ran, in order. */
function fakeServer() {
  const calls: unknown[][] = [];
  const operator = (scope: string, rooms: string[], except: string[] = []) => ({
    except: (more: string[]) => operator(scope, rooms, [...except, ...more]),
    emit: (event: string, ...args: unknown[]) => calls.push([scope, 'emit', rooms, except, event, ...args]),
    socketsLeave: (room: string) => calls.push([scope, 'leave', rooms, except, room]),
    disconnectSockets: (close: boolean) => calls.push([scope, 'disconnect', rooms, except, close]),
    fetchSockets: async () => [{ data: { user: { id: 'u1' } } }],
  });
  const server = {
    emit: (event: string, ...args: unknown[]) => calls.push(['all', 'emit', event, ...args]),
    to: (rooms: string[]) => operator('cluster', rooms),
    in: (rooms: string[]) => operator('cluster', rooms),
    local: { in: (rooms: string[]) => operator('local', rooms) },
  };
  return { server: server as unknown as AppServer, calls };
}

describe('RealtimePublisher', () => {
  it('does nothing before the server exists', async () => {
    const publisher = new RealtimePublisher();
    expect(() => publisher.publish('presence', 'everyone', { userId: 'u1', online: true })).not.toThrow();
    expect(() => publisher.leave(['org:o1'], [], 'meeting:m1')).not.toThrow();
    await expect(publisher.inRoom('meeting:m1', 'u1')).resolves.toBe(false);
  });

  it('sends to everyone, to rooms, and to nobody for an empty room list', () => {
    const { server, calls } = fakeServer();
    const publisher = new RealtimePublisher();
    publisher.attach(server);
    publisher.publish('site:deleted', 'everyone', { id: 's1' });
    publisher.publish('message:read', ['channel:c1', 'user:u1'], { channelId: 'c1', userId: 'u1', seq: 3 });
    publisher.publish('alert:acked', [], { messageId: 'm', userId: 'u', at: 'now' } as never);
    publisher.publishExcept('channel:removed', ['org:o1'], ['sees-all'], { id: 'c1' });
    expect(calls).toEqual([
      ['all', 'emit', 'site:deleted', { id: 's1' }],
      ['cluster', 'emit', ['channel:c1', 'user:u1'], [], 'message:read', { channelId: 'c1', userId: 'u1', seq: 3 }],
      ['cluster', 'emit', ['org:o1'], ['sees-all'], 'channel:removed', { id: 'c1' }],
    ]);
  });

  it('applies room changes and disconnects on this instance first, then through the adapter', () => {
    const { server, calls } = fakeServer();
    const publisher = new RealtimePublisher();
    publisher.attach(server);
    publisher.leave(['org:o1'], ['sees-all'], 'meeting:m1');
    publisher.disconnect(['session:s1']);
    expect(calls).toEqual([
      ['local', 'leave', ['org:o1'], ['sees-all'], 'meeting:m1'],
      ['cluster', 'leave', ['org:o1'], ['sees-all'], 'meeting:m1'],
      ['local', 'disconnect', ['session:s1'], [], true],
      ['cluster', 'disconnect', ['session:s1'], [], true],
    ]);
  });

  it('tells whether a user has a connection in a room', async () => {
    const { server } = fakeServer();
    const publisher = new RealtimePublisher();
    publisher.attach(server);
    await expect(publisher.inRoom('meeting:m1', 'u1')).resolves.toBe(true);
    await expect(publisher.inRoom('meeting:m1', 'u2')).resolves.toBe(false);
  });
});
