import type { ChannelAccessRow } from './messaging.rows';

/** Application events inside the messaging module: the services change channels, the gateway tells the sockets. */
export const MESSAGING_EVENTS = {
  channelChanged: 'messaging.channel-changed',
} as const;

export interface ChannelChangedEvent {
  /** The channel as it is now. */
  channel: ChannelAccessRow;
  /** The channel before the change; null when it is new. */
  previous: ChannelAccessRow | null;
  /** Direct channels: the name each of the two sees (the other's), by user id. */
  namesFor?: Record<string, string>;
}

declare module '../common/domain-events' {
  interface DomainEventMap {
    'messaging.channel-changed': ChannelChangedEvent;
  }
}
