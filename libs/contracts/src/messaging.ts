export const CHANNEL_KINDS = ['joint', 'site', 'zone', 'meeting', 'direct'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const MESSAGE_PRIORITIES = ['normal', 'urgent'] as const;
export type MessagePriority = (typeof MESSAGE_PRIORITIES)[number];

export interface Channel {
  id: string;
  kind: ChannelKind;
  name: string;
  refId: string | null;
  unread: number;
  lastSeq: number;
  /** Extension: an archived channel (its site or zone was deleted) keeps its history but takes no messages. */
  archived: boolean;
  /** Extension: the escalation policy an urgent message in this channel follows (`PATCH /api/channels/:id`), or null. */
  escalationPolicyId: string | null;
}

/** Extension: what `channel:updated` carries; unread counts are per user, so they come from `GET /api/channels`. */
export type ChannelUpdate = Omit<Channel, 'unread'>;

/** Who has acknowledged an urgent message (`alert:acked`, and `GET /api/channels/:id/messages/:messageId/acks`). */
export interface AlertAck {
  messageId: string;
  userId: string;
  organisationId: string;
  at: string;
}

export interface Message {
  id: string;
  channelId: string;
  seq: number;
  clientId: string;
  authorId: string;
  authorName: string;
  organisationId: string;
  body: string;
  priority: MessagePriority;
  createdAt: string;
}

/** `name` (extension) names a meeting channel until the meetings module gives it the meeting's title. */
export type CreateChannelRequest = { kind: 'direct'; userId: string } | { kind: 'meeting'; refId: string; name?: string };

export const MESSAGE_LIMITS = { minBody: 1, maxBody: 4000, maxHistoryPage: 200, defaultHistoryPage: 50, maxCatchUp: 500 } as const;

/**
 * Per user: more than `messages` new messages within `windowSeconds` are refused with `rate_limited`. The
 * default of the api's MESSAGE_RATE_LIMIT setting (`20/10`), which may set another.
 */
export const MESSAGE_RATE_LIMIT = { messages: 20, windowSeconds: 10 } as const;
