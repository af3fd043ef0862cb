import type { Message, MessagePriority } from './messaging';
import type { SiteFeature } from './sites';
import type { ZoneFeature } from './zones';

/** The error half of every acknowledgement. */
export interface AckError {
  ok: false;
  error: { code: string; message: string };
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
export interface MapCenter {
  lat: number;
  lng: number;
}
export interface MeetingView {
  center: MapCenter;
  zoom: number;
}

/** Every event a client sends, with its payload and acknowledgement. */
export interface ClientToServerEvents {
  'channel:join': (payload: ChannelJoinPayload, ack: AckFn<{ messages: Message[] }>) => void;
  'channel:leave': (payload: ChannelLeavePayload, ack: AckFn) => void;
  'message:send': (payload: MessageSendPayload, ack: AckFn<{ message: Message }>) => void;
  'message:read': (payload: MessageReadPayload, ack: AckFn) => void;
  'alert:ack': (payload: AlertAckPayload, ack: AckFn) => void;
  typing: (payload: TypingPayload, ack?: AckFn) => void;
  'meeting:join': (
    payload: { meetingId: string },
    ack: AckFn<{ view: MeetingView | null; currentItemId: string | null; presenterId: string | null }>,
  ) => void;
  'meeting:view': (payload: { meetingId: string } & MeetingView, ack: AckFn) => void;
  'meeting:item': (payload: { meetingId: string; itemId: string | null }, ack: AckFn) => void;
  'meeting:present': (payload: { meetingId: string }, ack: AckFn) => void;
}

/** Every event the server sends, with its payload. */
export interface ServerToClientEvents {
  'message:new': (message: Message) => void;
  'message:read': (payload: { channelId: string; userId: string; seq: number }) => void;
  alert: (message: Message) => void;
  'alert:acked': (payload: { messageId: string; userId: string; organisationId: string; at: string }) => void;
  presence: (payload: { userId: string; online: boolean }) => void;
  typing: (payload: { channelId: string; userId: string }) => void;
  'zone:updated': (zone: ZoneFeature) => void;
  'site:updated': (site: SiteFeature) => void;
  'meeting:view': (payload: { meetingId: string } & MeetingView) => void;
  'meeting:item': (payload: { meetingId: string; itemId: string | null }) => void;
  'meeting:presenter': (payload: { meetingId: string; presenterId: string }) => void;
}

export const SOCKET_ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'rate_limited',
  'unknown_event',
  'internal',
] as const;
export type SocketErrorCode = (typeof SOCKET_ERROR_CODES)[number];
