import { seesEveryMeeting } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';

/**
 * Socket rooms. Every connection is in its user's, session's and organisation's rooms, police connections in
 * the police room, coordinators' and admins' in `sees-all`; features add the channel and meeting rooms a
 * socket joins on request.
 */
export const ROOMS = {
  user: (userId: string) => `user:${userId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  organisation: (organisationId: string) => `org:${organisationId}`,
  police: 'orgkind:police',
  seesAll: 'sees-all',
  channel: (channelId: string) => `channel:${channelId}`,
  meeting: (meetingId: string) => `meeting:${meetingId}`,
} as const;

/** The rooms a user's connections join when they connect. */
export function roomsOf(user: AuthUser): string[] {
  const rooms = [ROOMS.user(user.id), ROOMS.session(user.sessionId), ROOMS.organisation(user.organisationId)];
  if (user.organisationKind === 'police') rooms.push(ROOMS.police);
  // Coordinators and admins see every shared channel and every meeting: one room reaches them all.
  if (seesEveryMeeting(user)) rooms.push(ROOMS.seesAll);
  return rooms;
}
