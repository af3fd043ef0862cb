import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DOMAIN_EVENTS, SiteChangedEvent, ZoneChangedEvent } from '../common/domain-events';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { ROOMS } from '../realtime/rooms';
import { channelAudience } from './channel-access';
import { ChannelChangedEvent, MESSAGING_EVENTS } from './messaging.events';
import { toAudienceFacts, toChannelUpdate } from './messaging.mapper';

/** Turns application events into pushes to the connected users who may see them. */
@Injectable()
export class LiveUpdatesListener {
  constructor(private readonly publisher: RealtimePublisher) {}

  /** Everyone signed in sees the map, so every connection gets site and zone changes. */
  @OnEvent(DOMAIN_EVENTS.siteChanged)
  onSiteChanged(event: SiteChangedEvent): void {
    if (event.change === 'deleted') this.publisher.publish('site:deleted', 'everyone', { id: event.site.properties.id });
    else this.publisher.publish('site:updated', 'everyone', event.site);
  }

  @OnEvent(DOMAIN_EVENTS.zoneChanged)
  onZoneChanged(event: ZoneChangedEvent): void {
    if (event.change === 'deleted') this.publisher.publish('zone:deleted', 'everyone', { id: event.zone.properties.id });
    else this.publisher.publish('zone:updated', 'everyone', event.zone);
  }

  /**
   * A channel was made, renamed, archived or given another audience: its audience hears of it; connections that
   * lost sight of it leave its room (so they stop getting its messages) and are told.
   */
  @OnEvent(MESSAGING_EVENTS.channelChanged)
  onChannelChanged({ channel, previous, namesFor }: ChannelChangedEvent): void {
    const audience = channelAudience(toAudienceFacts(channel));
    if (audience === 'everyone') {
      this.publisher.publish('channel:updated', 'everyone', toChannelUpdate(channel));
      return;
    }
    if (channel.kind === 'direct' && channel.direct_user_low && channel.direct_user_high) {
      // Each of the two sees the channel under the other's name.
      for (const userId of [channel.direct_user_low, channel.direct_user_high]) {
        this.publisher.publish('channel:updated', [ROOMS.user(userId)], toChannelUpdate(channel, namesFor?.[userId]));
      }
      return;
    }
    this.publisher.publish('channel:updated', audience, toChannelUpdate(channel));
    if (!previous) return;
    const before = channelAudience(toAudienceFacts(previous));
    if (before === 'everyone') return;
    const lost = before.filter((room) => !audience.includes(room));
    if (!lost.length) return;
    this.publisher.leave(lost, audience, ROOMS.channel(channel.id));
    this.publisher.publishExcept('channel:removed', lost, audience, { id: channel.id });
  }
}
