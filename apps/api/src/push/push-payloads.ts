import { chatPath, PUSH_LIMITS } from '@samverkan/contracts';
import type { AlertPushPayload, DirectPushPayload, Message } from '@samverkan/contracts';

/** The text cut to `max` code points (never inside a surrogate pair). */
function cut(text: string, max: number): { text: string; truncated: boolean } {
  const codePoints = Array.from(text);
  return codePoints.length <= max ? { text, truncated: false } : { text: codePoints.slice(0, max).join(''), truncated: true };
}

/** An urgent message as a push: with its text (cut to fit a push message), like the socket's `alert`. */
export function alertPushPayload(message: Message, escalation?: { step: number; of: number }): AlertPushPayload {
  const body = cut(message.body, PUSH_LIMITS.maxBodyCodePoints);
  return {
    kind: 'alert',
    channelId: message.channelId,
    messageId: message.id,
    authorName: message.authorName,
    body: body.text,
    truncated: body.truncated,
    createdAt: message.createdAt,
    url: chatPath(message.channelId),
    tag: `alert:${message.id}`,
    ...(escalation ? { escalation } : {}),
  };
}

/** A direct message as a push: who wrote, never what (a lock screen is not a private place). */
export function directPushPayload(message: Message): DirectPushPayload {
  return {
    kind: 'direct',
    channelId: message.channelId,
    messageId: message.id,
    authorId: message.authorId,
    authorName: message.authorName,
    createdAt: message.createdAt,
    url: chatPath(message.channelId),
    tag: `direct:${message.channelId}`,
  };
}

/**
 * The push service's `Topic` (at most 32 URL-safe characters): a newer message with the same topic replaces one
 * not yet delivered, so a phone that was off gets the latest escalation step, or one notice per conversation.
 */
export function pushTopic(id: string): string {
  return id.replace(/-/g, '').slice(0, 32);
}
