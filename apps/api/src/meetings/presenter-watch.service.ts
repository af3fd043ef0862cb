import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ROOMS } from '../realtime/rooms';
import type { AppSocket } from '../realtime/socket.types';
import { MeetingsPublisher } from './meetings.publisher';
import { MeetingsRepository } from './meetings.repository';

/** Asking the other instances may fail for a moment (Redis): ask again this many times before giving up. */
const MAX_ATTEMPTS = 3;

/**
 * A presenter who leaves a meeting's room (closes the page, loses the connection) keeps the role for a grace
 * period, so a reload or a short drop changes nothing for anyone. Past it, with no connection of theirs in the
 * room on any instance, the role is given up and the room told (`meeting:presenter-left`): the followers' maps
 * are theirs again. The state stays in the database; only the timer lives on the instance that saw the socket
 * go, and the check it runs asks every instance and clears the role in one conditional statement, so a timer
 * on two instances, or a presenter back on another one, does no harm. If that instance stops first, the role
 * stays until someone takes it over (a signatory may, as the presenter has no connection).
 */
@Injectable()
export class PresenterWatchService implements OnApplicationShutdown {
  private readonly logger = new Logger('Meetings');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly watched = new WeakSet<AppSocket>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: MeetingsRepository,
    private readonly publisher: MeetingsPublisher,
  ) {}

  /** The socket is in the meeting's room: whoever it belongs to is back (a timer here is no longer needed). */
  joined(socket: AppSocket, meetingId: string): void {
    const user = socket.data.user;
    this.cancel(meetingId, user.id);
    if (this.watched.has(socket)) return;
    this.watched.add(socket);
    // On `disconnecting` the socket still knows its rooms; on `disconnect` it has left them all.
    socket.on('disconnecting', () => {
      for (const room of socket.rooms) {
        const id = meetingIdOf(room);
        if (id) this.left(id, user.id);
      }
    });
  }

  /** A socket of the user left the meeting's room: if they present and do not come back, the role goes. */
  left(meetingId: string, userId: string): void {
    this.cancel(meetingId, userId);
    this.schedule(meetingId, userId, 1);
  }

  private schedule(meetingId: string, userId: string, attempt: number): void {
    const key = keyOf(meetingId, userId);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void this.check(meetingId, userId, attempt);
    }, this.config.presenterGraceMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  private cancel(meetingId: string, userId: string): void {
    const key = keyOf(meetingId, userId);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  private async check(meetingId: string, userId: string, attempt: number): Promise<void> {
    try {
      // Most who leave are not presenting: the database answers that without asking the other instances.
      const meeting = await this.repository.findMeeting(this.repository.manager, meetingId);
      if (meeting?.presenterId !== userId) return;
      let present: boolean;
      try {
        present = await this.publisher.inRoom(meetingId, userId);
      } catch (error) {
        // Unknown: never take the role from someone who may still be there; ask again after another period.
        this.logger.warn(
          `Could not tell whether the presenter of ${meetingId} came back: ${(error as Error).message}`,
        );
        if (attempt < MAX_ATTEMPTS) this.schedule(meetingId, userId, attempt + 1);
        return;
      }
      if (present) return;
      if (await this.repository.clearPresenter(meetingId, userId))
        this.publisher.presenterLeft(meetingId, userId);
    } catch (error) {
      this.logger.warn(`The presenter of ${meetingId} who left kept the role: ${(error as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

const keyOf = (meetingId: string, userId: string) => `${meetingId}/${userId}`;

const ROOM_PREFIX = ROOMS.meeting('');
const meetingIdOf = (room: string) => (room.startsWith(ROOM_PREFIX) ? room.slice(ROOM_PREFIX.length) : null);
