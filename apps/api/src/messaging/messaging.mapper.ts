import type { AlertAck, Channel, ChannelUpdate, Message } from '@samverkan/contracts';
import type { ChannelAudienceFacts } from './channel-access';
import type { AlertAckRow, ChannelAccessRow, ChannelRow, MessageRow } from './messaging.rows';

export function toMessageDto(row: MessageRow): Message {
  return {
    id: row.id,
    channelId: row.channel_id,
    seq: Number(row.seq),
    clientId: row.client_id,
    authorId: row.author_id,
    authorName: row.author_name,
    organisationId: row.organisation_id,
    body: row.body,
    priority: row.priority,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function toChannelDto(row: ChannelRow): Channel {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    refId: row.ref_id,
    unread: Number(row.unread ?? 0),
    lastSeq: Number(row.last_seq),
    archived: row.archived,
    escalationPolicyId: row.escalation_policy_id,
  };
}

export function toChannelUpdate(row: ChannelAccessRow, name: string = row.name): ChannelUpdate {
  return {
    id: row.id,
    kind: row.kind,
    name,
    refId: row.ref_id,
    lastSeq: Number(row.last_seq),
    archived: row.archived,
    escalationPolicyId: row.escalation_policy_id,
  };
}

export function toAudienceFacts(row: ChannelAccessRow): ChannelAudienceFacts {
  return {
    kind: row.kind,
    organisationId: row.organisation_id,
    directUserIds:
      row.direct_user_low && row.direct_user_high ? [row.direct_user_low, row.direct_user_high] : null,
    organisationIds: row.organisation_ids ?? [],
  };
}

export function toAlertAckDto(row: AlertAckRow): AlertAck {
  return {
    messageId: row.message_id,
    userId: row.user_id,
    organisationId: row.organisation_id,
    at: new Date(row.acked_at).toISOString(),
  };
}
