import type { Meeting, MeetingView } from './meetings';
import type { ErrorReason, IdentifyingKind } from './errors';
import type { AlertAck, ChannelUpdate, Message, MessagePriority } from './messaging';
import type { AlertEscalatedPayload, AlertEscalationMark } from './escalation';
import type { SiteFeature } from './sites';
import type { ZoneFeature } from './zones';

/** The error half of every acknowledgement. */
export interface AckError {
  ok: false;
  /**
   * `field` and `reason` (extension) as in an HTTP error's detail, when the refusal has them: e.g. a message
   * holding a personal identity number is refused with `field: "body"`, `reason: "personal_identity_number"`.
   */
  error: {
    code: string;
    message: string;
    field?: string;
    reason?: ErrorReason;
    /** Extension, with `rate_limited`: the seconds to wait before sending again (the message names them too). */
    retryAfterSeconds?: number;
  };
}
export type Ack<T extends object = object> = ({ ok: true } & T) | AckError;
type AckFn<T extends object = object> = (response: Ack<T>) => void;

export interface ChannelJoinPayload {
  channelId: string;
  sinceSeq?: number;
}
export interface ChannelLeavePayload {
  channelId: string;
}
export interface MessageSendPayload {
  channelId: string;
  clientId: string;
  body: string;
  priority?: MessagePriority;
}
export interface MessageReadPayload {
  channelId: string;
  seq: number;
}
export interface AlertAckPayload {
  messageId: string;
}
export interface TypingPayload {
  channelId: string;
}
export interface MeetingJoinPayload {
  meetingId: string;
}
export type MeetingViewPayload = { meetingId: string } & MeetingView;
export interface MeetingItemPayload {
  meetingId: string;
  itemId: string | null;
}
export interface MeetingPresentPayload {
  meetingId: string;
  /** Extension: hand the role to this user; absent (or the caller's own id): take it; null: nobody presents any more. */
  userId?: string | null;
}

/** Every event a client sends, with its payload and acknowledgement. */
export interface ClientToServerEvents {
  /**
   * Joins the channel's room, then answers every message after `sinceSeq` (up to 500; without `sinceSeq`, the
   * latest 50). `lastSeq` (extension) is the channel's newest seq: when it is beyond the last message answered,
   * page on with `GET /api/channels/:id/messages?afterSeq=`. Messages may arrive both in the answer and as
   * `message:new`: keep them by `id` (or `seq`).
   */
  'channel:join': (payload: ChannelJoinPayload, ack: AckFn<{ messages: Message[]; lastSeq: number }>) => void;
  'channel:leave': (payload: ChannelLeavePayload, ack: AckFn) => void;
  /**
   * A body holding a personal identity number is refused (`bad_request`, `reason: "personal_identity_number"`).
   * `warnings` (extension): the message was sent, but it seems to hold a phone number or an e-mail address
   * (staff share their work ones); absent when there is nothing to warn about.
   */
  'message:send': (
    payload: MessageSendPayload,
    ack: AckFn<{ message: Message; warnings?: IdentifyingKind[] }>,
  ) => void;
  'message:read': (payload: MessageReadPayload, ack: AckFn) => void;
  'alert:ack': (payload: AlertAckPayload, ack: AckFn) => void;
  typing: (payload: TypingPayload, ack?: AckFn) => void;
  /** Extension: the urgent messages the caller has not acknowledged (as sent in `alert:pending` on connect). */
  'alert:pending': (payload: Record<string, never>, ack: AckFn<{ alerts: Message[] }>) => void;
  /** Extension: the users with at least one open connection, on any instance. */
  'presence:list': (payload: Record<string, never>, ack: AckFn<{ online: string[] }>) => void;
  /**
   * Joins the meeting's room (members of its organisations, coordinators and admins; others get `not_found`) and
   * answers the shared state, kept in the database so every instance answers the same.
   */
  'meeting:join': (
    payload: MeetingJoinPayload,
    ack: AckFn<{ view: MeetingView | null; currentItemId: string | null; presenterId: string | null }>,
  ) => void;
  /** Extension: leaves the meeting's room (no more `meeting:*` events for it). */
  'meeting:leave': (payload: MeetingJoinPayload, ack: AckFn) => void;
  /** From the presenter only (others: `forbidden`); stored, then sent as `meeting:view` to the others in the room. */
  'meeting:view': (payload: MeetingViewPayload, ack: AckFn) => void;
  /** From the presenter only; `itemId` an agenda item of the meeting or null; sent as `meeting:item` to all in the room. */
  'meeting:item': (payload: MeetingItemPayload, ack: AckFn) => void;
  /**
   * Takes the presenter role, or (extension) hands it over with `userId`. Taking: a coordinator or admin at any time;
   * a signatory of a participating organisation when nobody presents or the presenter has no socket in the meeting.
   * Handing over to `userId` (any active user who sees the meeting), or with `userId: null` ending the presentation:
   * the current presenter, a coordinator or admin. Answers the new presenter; `meeting:presenter` goes to all in the room.
   */
  'meeting:present': (payload: MeetingPresentPayload, ack: AckFn<{ presenterId: string | null }>) => void;
}

/** Every event the server sends, with its payload. */
export interface ServerToClientEvents {
  'message:new': (message: Message) => void;
  'message:read': (payload: { channelId: string; userId: string; seq: number }) => void;
  /**
   * An urgent message, to every member of its channel; again to each target of an escalation step, with
   * `escalation` (step of steps), also to targets who are not members of the channel.
   */
  alert: (message: Message & { escalation?: AlertEscalationMark }) => void;
  /** Extension: an escalation step fired (who was told, when), to the channel's members and the alert's author. */
  'alert:escalated': (payload: AlertEscalatedPayload) => void;
  'alert:acked': (payload: AlertAck) => void;
  /** Extension, sent on connect: the urgent messages (last 7 days) this user has not acknowledged, oldest first. */
  'alert:pending': (payload: { alerts: Message[] }) => void;
  /** One user came online or went offline: to the connections of their organisation (their colleagues). */
  presence: (payload: { userId: string; online: boolean }) => void;
  /**
   * Extension: who came online and who went offline in the last moment (at most every 250 ms), to every
   * connection: one event for many changes, so N users reconnecting at once cost N events, not N².
   */
  'presence:batch': (payload: { online: string[]; offline: string[] }) => void;
  typing: (payload: { channelId: string; userId: string }) => void;
  'zone:updated': (zone: ZoneFeature) => void;
  'site:updated': (site: SiteFeature) => void;
  /** Extension: a site was deleted (its channel is archived). */
  'site:deleted': (payload: { id: string }) => void;
  /** Extension: a zone was deleted. */
  'zone:deleted': (payload: { id: string }) => void;
  /** Extension: a channel the user can see was created, renamed or archived. */
  'channel:updated': (channel: ChannelUpdate) => void;
  /** Extension: the user can no longer see this channel (it has left the channel's room). */
  'channel:removed': (payload: { id: string }) => void;
  /**
   * Extension: broadcasts between instances may have been lost (the link between them was down): re-join the
   * channels with `sinceSeq` and ask `presence:list` again.
   */
  resync: (payload: { reason: 'cluster-link-restored' }) => void;
  'meeting:view': (payload: { meetingId: string } & MeetingView) => void;
  'meeting:item': (payload: { meetingId: string; itemId: string | null }) => void;
  /**
   * Extension: the presenter left the meeting (no connection in its room for the grace period) and the role
   * was given up: followers have their own map back. `meeting:presenter` with `presenterId: null` goes too.
   */
  'meeting:presenter-left': (payload: { meetingId: string; userId: string }) => void;
  /** `presenterId` null (extension): nobody presents (the role was given up, or the presenter lost sight of the meeting). */
  'meeting:presenter': (payload: { meetingId: string; presenterId: string | null }) => void;
  /** Extension: the meeting changed (details, agenda, minutes, decisions, actions): the whole meeting, to its room. */
  'meeting:updated': (meeting: Meeting) => void;
  /** Extension: the caller's organisation no longer takes part in the meeting: its room was left. */
  'meeting:removed': (payload: { meetingId: string }) => void;
}

export const SOCKET_ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'unknown_event',
  'internal',
] as const;
export type SocketErrorCode = (typeof SOCKET_ERROR_CODES)[number];
