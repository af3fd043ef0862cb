import { ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { MeetingView } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception.filter';
import { MeetingItemDto, MeetingPresentDto, MeetingViewDto } from './dto/meeting-socket.dto';
import { canSeeMeeting, presentProblem, seesEveryMeeting } from '@samverkan/contracts';
import { PeopleService } from '../people/people.service';
import { MeetingsPublisher } from './meetings.publisher';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

export interface LiveState {
  view: MeetingView | null;
  currentItemId: string | null;
  presenterId: string | null;
}

const NOT_PRESENTER = 'Only the presenter moves the shared map; take the role with meeting:present';

/**
 * The shared map of a running meeting: who presents, the view they show and the item they are on. Kept in the
 * meetings table, not in a process, so any instance answers `meeting:join` with the same state.
 */
@Injectable()
export class MeetingLiveService {
  private readonly logger = new Logger('Meetings');

  constructor(
    private readonly meetings: MeetingsService,
    private readonly repository: MeetingsRepository,
    private readonly publisher: MeetingsPublisher,
    private readonly people: PeopleService,
  ) {}

  /** 404 unless the user sees the meeting. */
  async requireVisible(user: AuthUser, meetingId: string): Promise<void> {
    await this.meetings.requireVisible(user, meetingId);
  }

  async state(meetingId: string): Promise<LiveState> {
    const meeting = await this.repository.findMeeting(this.repository.manager, meetingId);
    if (!meeting) throw new NotFoundException(`No meeting with id ${meetingId}`);
    return { view: meeting.view, currentItemId: meeting.currentItemId, presenterId: meeting.presenterId };
  }

  /** Stores the presenter's view (one statement that also checks the role); answers the view to pass on. */
  async setView(user: AuthUser, payload: MeetingViewDto): Promise<MeetingView> {
    const { bounds } = payload;
    const view: MeetingView = {
      center: { lat: payload.center.lat, lng: payload.center.lng },
      zoom: payload.zoom,
      ...(bounds
        ? { bounds: { south: bounds.south, west: bounds.west, north: bounds.north, east: bounds.east } }
        : {}),
    };
    if (await this.repository.setView(payload.meetingId, user.id, view)) return view;
    await this.meetings.requireVisible(user, payload.meetingId);
    throw new ForbiddenException(NOT_PRESENTER);
  }

  async setItem(user: AuthUser, payload: MeetingItemDto): Promise<void> {
    if (await this.repository.setCurrentItem(payload.meetingId, user.id, payload.itemId)) {
      this.publisher.item(payload.meetingId, payload.itemId);
      return;
    }
    const meeting = await this.meetings.requireVisible(user, payload.meetingId);
    if (meeting.presenterId !== user.id) throw new ForbiddenException(NOT_PRESENTER);
    throw badRequest('itemId', 'names no agenda item of this meeting', 'unknown_reference');
  }

  /**
   * Takes the presenter role (no `userId`), hands it to `userId`, or ends the presentation (`userId: null`); see
   * presentProblem for who may. Answers the presenter now; the room gets `meeting:presenter` when it changed.
   */
  async present(user: AuthUser, payload: MeetingPresentDto): Promise<string | null> {
    const meetingId = payload.meetingId;
    const target = payload.userId === undefined ? user.id : payload.userId;
    const seen = await this.meetings.requireVisible(user, meetingId);
    // Whether the presenter is still in the meeting matters only to a signatory taking over from them.
    const askPresence =
      !seesEveryMeeting(user) &&
      target === user.id &&
      seen.presenterId !== null &&
      seen.presenterId !== user.id;
    const presenterConnected = askPresence ? await this.presenterInRoom(meetingId, seen.presenterId!) : true;
    const denied = presentProblem(user, seen, target, presenterConnected);
    if (denied) throw new ForbiddenException(denied);
    if (target !== null && target !== user.id) {
      const [person] = await this.people.usersByIds([target]);
      if (!person || person.disabled || !canSeeMeeting({ ...person, canSign: false }, seen.organisationIds)) {
        throw badRequest('userId', 'names no active user who takes part in this meeting', 'unknown_reference');
      }
    }
    const changed = await this.repository.transaction(async (manager) => {
      const locked = await this.repository.findMeeting(manager, meetingId, { lock: true });
      if (!locked) throw new NotFoundException(`No meeting with id ${meetingId}`);
      // Someone else may have taken the role since it was read: their presence was not checked, so count them in.
      const connected = locked.presenterId === seen.presenterId ? presenterConnected : true;
      const refused = presentProblem(
        user,
        { organisationIds: seen.organisationIds, presenterId: locked.presenterId },
        target,
        connected,
      );
      if (refused) throw new ForbiddenException(refused);
      if (locked.presenterId === target) return false;
      await this.repository.setPresenter(manager, meetingId, target);
      return true;
    });
    if (changed) this.publisher.presenter(meetingId, target);
    return target;
  }

  private async presenterInRoom(meetingId: string, presenterId: string): Promise<boolean> {
    try {
      return await this.publisher.inRoom(meetingId, presenterId);
    } catch (error) {
      // Unknown (another instance did not answer): assume they are there, so nobody takes the role from them.
      this.logger.warn(
        `Could not tell whether the presenter of ${meetingId} is connected: ${(error as Error).message}`,
      );
      return true;
    }
  }
}
