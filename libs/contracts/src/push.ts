// Web Push ("Push and the phone"): the subscription requests and what a push carries to the service worker.

/** `GET /api/push/key` (404 when push is off on this server). */
export interface PushKeyResponse {
  /** The VAPID public key, base64url (uncompressed P-256 point): `applicationServerKey` for `pushManager.subscribe`. */
  publicKey: string;
}

/** `POST /api/push/subscriptions`: the browser's `PushSubscription.toJSON()` minus `expirationTime`, which is ignored. */
export interface PushSubscriptionRequest {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** `DELETE /api/push/subscriptions`. */
export interface PushUnsubscribeRequest {
  endpoint: string;
}

/** `POST /api/push/subscriptions` → 201 for a new endpoint, 200 for one already known (now bound to this session). */
export interface PushSubscriptionResponse {
  endpoint: string;
  createdAt: string;
}

export const PUSH_LIMITS = {
  /** Push services' endpoints are well under this (FCM, Mozilla, Apple: about 200–400 characters). */
  maxEndpointLength: 1024,
  /** `p256dh` is 87 base64url characters, `auth` 22; a little room for padding. */
  maxKeyLength: 128,
  /** An alert's text in a push is cut to this many code points: a push message holds about 4 kB encrypted. */
  maxBodyCodePoints: 700,
  /** Subscriptions one user may hold (browsers and phones); a new one beyond it replaces the oldest. */
  maxPerUser: 20,
} as const;

export const PUSH_KINDS = ['alert', 'direct'] as const;
export type PushKind = (typeof PUSH_KINDS)[number];

/**
 * An urgent message (an `alert`): carries the text, like the socket's `alert` event. `escalation` is set when
 * the push is an escalation step (the target may not be a member of the channel).
 */
export interface AlertPushPayload {
  kind: 'alert';
  channelId: string;
  messageId: string;
  authorName: string;
  /** The message's text, cut to `PUSH_LIMITS.maxBodyCodePoints` (push messages hold about 4 kB). */
  body: string;
  /** True when `body` was cut: the app shows the whole text from the channel. */
  truncated: boolean;
  createdAt: string;
  /** The app's path to open on tap: `/#/chat/<channelId>`. */
  url: string;
  /** Collapses repeats of the same alert (escalation steps) into one notification: `alert:<messageId>`. */
  tag: string;
  escalation?: { step: number; of: number };
}

/** A message in a `direct` channel to a user with no open socket: who wrote, never the text. */
export interface DirectPushPayload {
  kind: 'direct';
  channelId: string;
  messageId: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  /** `/#/chat/<channelId>`. */
  url: string;
  /** One notification per conversation: `direct:<channelId>`. */
  tag: string;
}

/** The JSON a push message's data holds (`event.data.json()` in the service worker). */
export type PushPayload = AlertPushPayload | DirectPushPayload;

/** The path the app opens for a push about a channel. */
export function chatPath(channelId: string): string {
  return `/#/chat/${channelId}`;
}
