import { Injectable } from '@nestjs/common';
import type { Meeting } from '@samverkan/contracts';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { ROOMS } from '../realtime/rooms';

/** What a meeting's room is told, through the realtime publisher; a no-op before the socket server exists. */
@Injectable()
export class MeetingsPublisher {
  constructor(private readonly realtime: RealtimePublisher) {}

  changed(meeting: Meeting): void {
    this.realtime.publish('meeting:updated', [ROOMS.meeting(meeting.id)], meeting);
  }

  presenter(meetingId: string, presenterId: string | null): void {
    this.realtime.publish('meeting:presenter', [ROOMS.meeting(meetingId)], { meetingId, presenterId });
  }

  /** The presenter left and the role was given up: first the new state, then why, so clients can say so. */
  presenterLeft(meetingId: string, userId: string): void {
    this.presenter(meetingId, null);
    this.realtime.publish('meeting:presenter-left', [ROOMS.meeting(meetingId)], { meetingId, userId });
  }

  item(meetingId: string, itemId: string | null): void {
    this.realtime.publish('meeting:item', [ROOMS.meeting(meetingId)], { meetingId, itemId });
  }

  /**
   * Organisations left the meeting: their members' sockets leave its room (coordinators and admins keep seeing
   * it) and are told.
   */
  organisationsLeft(meetingId: string, organisationIds: string[]): void {
    if (!organisationIds.length) return;
    const lost = organisationIds.map(ROOMS.organisation);
    this.realtime.leave(lost, [ROOMS.seesAll], ROOMS.meeting(meetingId));
    this.realtime.publishExcept('meeting:removed', lost, [ROOMS.seesAll], { meetingId });
  }

  /** Whether the user has a socket in the meeting's room on any instance. */
  inRoom(meetingId: string, userId: string): Promise<boolean> {
    return this.realtime.inRoom(ROOMS.meeting(meetingId), userId);
  }
}
