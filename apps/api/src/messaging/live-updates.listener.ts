import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DOMAIN_EVENTS, SiteChangedEvent, ZoneChangedEvent } from '../common/domain-events';
import { channelAudience, ROOMS } from './channel-access';
import { ChannelChangedEvent, MESSAGING_EVENTS } from './messaging.events';
import { toAudienceFacts, toChannelUpdate } from './messaging.mapper';
import { SocketServerRef } from './socket.types';

/** Turns application events into pushes to the connected users who may see them. */
@Injectable()
export class LiveUpdatesListener {
  constructor(private readonly ref: SocketServerRef) {}

  /** Everyone signed in sees the map, so every connection gets site and zone changes. */
  @OnEvent(DOMAIN_EVENTS.siteChanged)
  onSiteChanged(event: SiteChangedEvent): void {
    const server = this.ref.server;
    if (!server) return;
    if (event.change === 'deleted') server.emit('site:deleted', { id: event.site.properties.id });
    else server.emit('site:updated', event.site);
  }

  @OnEvent(DOMAIN_EVENTS.zoneChanged)
  onZoneChanged(event: ZoneChangedEvent): void {
    const server = this.ref.server;
    if (!server) return;
    if (event.change === 'deleted') server.emit('zone:deleted', { id: event.zone.properties.id });
    else server.emit('zone:updated', event.zone);
  }

  /**
   * A channel was made, renamed, archived or given another audience: its audience hears of it; connections that
   * lost sight of it leave its room (so they stop getting its messages) and are told.
   */
  @OnEvent(MESSAGING_EVENTS.channelChanged)
  onChannelChanged({ channel, previous, namesFor }: ChannelChangedEvent): void {
    const server = this.ref.server;
    if (!server) return;
    const audience = channelAudience(toAudienceFacts(channel));
    if (audience === 'everyone') {
      server.emit('channel:updated', toChannelUpdate(channel));
      return;
    }
    if (channel.kind === 'direct' && channel.direct_user_low && channel.direct_user_high) {
      // Each of the two sees the channel under the other's name.
      for (const userId of [channel.direct_user_low, channel.direct_user_high]) {
        server.to(ROOMS.user(userId)).emit('channel:updated', toChannelUpdate(channel, namesFor?.[userId]));
      }
      return;
    }
    server.to(audience).emit('channel:updated', toChannelUpdate(channel));
    if (!previous) return;
    const before = channelAudience(toAudienceFacts(previous));
    if (before === 'everyone') return;
    const lost = before.filter((room) => !audience.includes(room));
    if (!lost.length) return;
    // Locally first, whatever the state of Redis (the adapter applies remote room changes only through it).
    server.local.in(lost).except(audience).socketsLeave(ROOMS.channel(channel.id));
    server.in(lost).except(audience).socketsLeave(ROOMS.channel(channel.id));
    server.to(lost).except(audience).emit('channel:removed', { id: channel.id });
  }
}
