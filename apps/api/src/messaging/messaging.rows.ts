import type { ChannelKind, MessagePriority } from '@samverkan/contracts';

/** A message as the repositories read it (snake_case columns plus the author's current name). */
export interface MessageRow {
  id: string;
  channel_id: string;
  seq: number;
  client_id: string;
  author_id: string;
  author_name: string;
  organisation_id: string;
  body: string;
  priority: MessagePriority;
  created_at: Date;
}

/** A channel as a viewer sees it: `name` is the other person's name for a direct channel. */
export interface ChannelRow {
  id: string;
  kind: ChannelKind;
  name: string;
  ref_id: string | null;
  last_seq: number;
  archived: boolean;
  escalation_policy_id: string | null;
  unread?: number | string;
}

/** What decides a channel's audience, for pushes and for sockets that must leave its room. */
export interface ChannelAccessRow extends Omit<ChannelRow, 'unread'> {
  organisation_id: string | null;
  direct_user_low: string | null;
  direct_user_high: string | null;
  organisation_ids: string[];
}

export interface AlertAckRow {
  message_id: string;
  user_id: string;
  organisation_id: string;
  acked_at: Date;
}
