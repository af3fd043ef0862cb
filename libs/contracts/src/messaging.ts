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

export type CreateChannelRequest = { kind: 'direct'; userId: string } | { kind: 'meeting'; refId: string };

export const MESSAGE_LIMITS = { minBody: 1, maxBody: 4000, maxHistoryPage: 200, defaultHistoryPage: 50, maxCatchUp: 500 } as const;
