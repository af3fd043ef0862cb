import { Injectable } from '@nestjs/common';
import type { Meeting } from '@samverkan/contracts';
import { ROOMS } from '../messaging/channel-access';
import { SocketServerRef } from '../messaging/socket.types';

/** The Socket.IO room of a meeting's joined participants, on every instance (the Redis adapter carries it). */
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;

/** Pushes meeting changes to the sockets in the meeting's room; a no-op before the socket server exists. */
@Injectable()
export class MeetingsPublisher {
  constructor(private readonly ref: SocketServerRef) {}

  changed(meeting: Meeting): void {
    this.ref.server?.to(meetingRoom(meeting.id)).emit('meeting:updated', meeting);
  }

  presenter(meetingId: string, presenterId: string | null): void {
    this.ref.server?.to(meetingRoom(meetingId)).emit('meeting:presenter', { meetingId, presenterId });
  }

  /** The presenter left and the role was given up: first the new state, then why, so clients can say so. */
  presenterLeft(meetingId: string, userId: string): void {
    this.presenter(meetingId, null);
    this.ref.server?.to(meetingRoom(meetingId)).emit('meeting:presenter-left', { meetingId, userId });
  }

  item(meetingId: string, itemId: string | null): void {
    this.ref.server?.to(meetingRoom(meetingId)).emit('meeting:item', { meetingId, itemId });
  }

  /**
   * Organisations left the meeting: their members' sockets leave its room (coordinators and admins keep seeing
   * it) and are told. Applied locally first, whatever the state of Redis, as the messaging module does.
   */
  organisationsLeft(meetingId: string, organisationIds: string[]): void {
    const server = this.ref.server;
    if (!server || !organisationIds.length) return;
    const lost = organisationIds.map(ROOMS.organisation);
    server.local.in(lost).except(ROOMS.seesAll).socketsLeave(meetingRoom(meetingId));
    server.in(lost).except(ROOMS.seesAll).socketsLeave(meetingRoom(meetingId));
    server.to(lost).except(ROOMS.seesAll).emit('meeting:removed', { meetingId });
  }

  /** Whether the user has a socket in the meeting's room on any instance. */
  async inRoom(meetingId: string, userId: string): Promise<boolean> {
    const server = this.ref.server;
    if (!server) return false;
    const sockets = await server.in(meetingRoom(meetingId)).fetchSockets();
    return sockets.some((socket) => socket.data.user?.id === userId);
  }
}
