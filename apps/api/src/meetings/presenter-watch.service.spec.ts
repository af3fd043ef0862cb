import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { strictFake } from '../common/spec-helpers';
import type { AppSocket } from '../realtime/socket.types';
import type { MeetingEntity } from './entities/meeting.entity';
import type { MeetingsPublisher } from './meetings.publisher';
import type { MeetingsRepository } from './meetings.repository';
import { PresenterWatchService } from './presenter-watch.service';

// The presenter's grace period against an in-memory meeting row and room; the conditional UPDATE and the rooms
// across instances are covered end to end (tests/e2e/meetings-sockets.e2e-spec.ts).

const GRACE_MS = 20_000;
const MEETING = 'meeting-1';

class World {
  presenterId: string | null = 'presenter';
  readonly inRoom = new Set<string>();
  roomLookupFails = false;
  roomLookups = 0;
  readonly announced: { meetingId: string; userId: string }[] = [];

  service(): PresenterWatchService {
    const repository = strictFake<MeetingsRepository>('repository', {
      manager: {},
      findMeeting: async () => ({ id: MEETING, presenterId: this.presenterId }) as MeetingEntity,
      clearPresenter: async (_id: string, userId: string) => {
        if (this.presenterId !== userId) return false;
        this.presenterId = null;
        return true;
      },
    });
    const publisher = strictFake<MeetingsPublisher>('publisher', {
      inRoom: async (_id: string, userId: string) => {
        this.roomLookups += 1;
        if (this.roomLookupFails) throw new Error('timed out');
        return this.inRoom.has(userId);
      },
      presenterLeft: (meetingId: string, userId: string) => this.announced.push({ meetingId, userId }),
    });
    return new PresenterWatchService({ presenterGraceMs: GRACE_MS } as AppConfig, repository, publisher);
  }
}

/** A socket of `userId` in the rooms given; `disconnect()` runs its `disconnecting` listeners, as Socket.IO does. */
function fakeSocket(userId: string, rooms: string[]) {
  const listeners: (() => void)[] = [];
  const socket = {
    data: { user: { id: userId } },
    rooms: new Set(rooms),
    on: (event: string, listener: () => void) => event === 'disconnecting' && listeners.push(listener),
  } as unknown as AppSocket;
  return { socket, disconnect: () => listeners.forEach((listener) => listener()) };
}

describe('PresenterWatchService', () => {
  let world: World;
  let watch: PresenterWatchService;
  beforeEach(() => {
    jest.useFakeTimers();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    world = new World();
    watch = world.service();
  });
  afterEach(() => {
    watch.onApplicationShutdown();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('gives the role up once the presenter has been gone for the grace period, and only then', async () => {
    const { socket, disconnect } = fakeSocket('presenter', [`meeting:${MEETING}`, 'user:presenter']);
    watch.joined(socket, MEETING);
    disconnect();
    await jest.advanceTimersByTimeAsync(GRACE_MS - 1);
    expect(world.announced).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(world.announced).toEqual([{ meetingId: MEETING, userId: 'presenter' }]);
    expect(world.presenterId).toBeNull();
  });

  it('keeps the role for a presenter who is back in the room, here or on another instance', async () => {
    const first = fakeSocket('presenter', [`meeting:${MEETING}`]);
    watch.joined(first.socket, MEETING);
    first.disconnect();
    // Back on this instance: the timer goes.
    watch.joined(fakeSocket('presenter', [`meeting:${MEETING}`]).socket, MEETING);
    await jest.advanceTimersByTimeAsync(GRACE_MS);
    expect(world.roomLookups).toBe(0);
    // Gone from this page, back on another instance: the check finds them in the room.
    watch.left(MEETING, 'presenter');
    world.inRoom.add('presenter');
    await jest.advanceTimersByTimeAsync(GRACE_MS);
    expect(world.roomLookups).toBe(1);
    expect(world.announced).toEqual([]);
    expect(world.presenterId).toBe('presenter');
  });

  it('asks no instance about a participant who does not present', async () => {
    watch.left(MEETING, 'follower');
    await jest.advanceTimersByTimeAsync(GRACE_MS);
    expect(world.roomLookups).toBe(0);
    expect(world.presenterId).toBe('presenter');
  });

  it('never takes the role on a guess: asks again while the instances do not answer, three times at most', async () => {
    world.roomLookupFails = true;
    watch.left(MEETING, 'presenter');
    await jest.advanceTimersByTimeAsync(GRACE_MS * 5);
    expect(world.roomLookups).toBe(3);
    expect(world.presenterId).toBe('presenter');

    // Answered on the second try: the role goes then.
    world.roomLookups = 0;
    watch.left(MEETING, 'presenter');
    await jest.advanceTimersByTimeAsync(GRACE_MS);
    world.roomLookupFails = false;
    await jest.advanceTimersByTimeAsync(GRACE_MS);
    expect(world.roomLookups).toBe(2);
    expect(world.announced).toEqual([{ meetingId: MEETING, userId: 'presenter' }]);
  });
});
