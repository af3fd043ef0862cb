import { ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import type { Channel } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception.filter';
import { DOMAIN_EVENTS, SiteChangedEvent, ZoneChangedEvent } from '../common/domain-events';
import { PeopleService } from '../people/people.service';
import { channelAudience, seesAllSharedChannels } from './channel-access';
import { ChannelsRepository, OwnedChannelChange } from './channels.repository';
import { CreateChannelDto } from './dto/messaging.dto';
import { ChannelChangedEvent, MESSAGING_EVENTS } from './messaging.events';
import { toAudienceFacts, toChannelDto } from './messaging.mapper';
import type { ChannelRow } from './messaging.rows';

export interface MeetingChannelInput {
  meetingId: string;
  /** The meeting's title; null keeps the current name. */
  title: string | null;
  /** The organisations taking part (they see the channel, besides coordinators and admins); null keeps them. */
  organisationIds: string[] | null;
}

@Injectable()
export class ChannelsService {
  private readonly logger = new Logger('Channels');

  constructor(
    private readonly channels: ChannelsRepository,
    private readonly people: PeopleService,
    private readonly events: EventEmitter2,
  ) {}

  async list(user: AuthUser): Promise<Channel[]> {
    return (await this.channels.listVisible(user)).map(toChannelDto);
  }

  async get(user: AuthUser, channelId: string): Promise<Channel> {
    return toChannelDto(await this.requireVisible(user, channelId));
  }

  /** The channel if the user may see it; 404 otherwise, so a hidden channel is not told apart from none. */
  async requireVisible(user: AuthUser, channelId: string): Promise<ChannelRow> {
    const channel = await this.channels.findVisible(user, channelId);
    if (!channel) throw new NotFoundException(`No channel with id ${channelId}`);
    return channel;
  }

  /** The socket rooms that hold the channel's members (for alerts), or `everyone`. */
  async audienceOf(channelId: string): Promise<string[] | 'everyone'> {
    const channel = await this.channels.findAccess(channelId);
    return channel ? channelAudience(toAudienceFacts(channel)) : [];
  }

  /** `POST /api/channels`: an existing channel is returned (`created: false`), never a second one. */
  async create(user: AuthUser, input: CreateChannelDto): Promise<{ channel: Channel; created: boolean }> {
    if (input.kind === 'direct') {
      if (input.refId !== undefined) throw badRequest('refId', 'is only for meeting channels');
      if (input.name !== undefined) throw badRequest('name', 'is only for meeting channels');
      return this.openDirect(user, input.userId!);
    }
    if (input.userId !== undefined) throw badRequest('userId', 'is only for direct channels');
    if (!seesAllSharedChannels(user)) {
      throw new ForbiddenException(
        'Only coordinators and admins may open a meeting channel; meetings open their own',
      );
    }
    const change = await this.ensureMeetingChannel({
      meetingId: input.refId!,
      title: input.name ?? null,
      organisationIds: null,
    });
    return { channel: await this.get(user, change.channel.id), created: change.previous === null };
  }

  private async openDirect(
    user: AuthUser,
    otherUserId: string,
  ): Promise<{ channel: Channel; created: boolean }> {
    if (otherUserId === user.id) throw badRequest('userId', 'is you: a direct channel is between two people');
    const other = await this.people.getUser(otherUserId).catch((error: unknown) => {
      if (error instanceof NotFoundException) throw badRequest('userId', 'names no user');
      throw error;
    });
    if (other.disabled) throw badRequest('userId', 'names a disabled user');
    const { channelId, created } = await this.channels.findOrCreateDirect(
      user.id,
      other.id,
      `${user.displayName} – ${other.displayName}`,
    );
    if (created)
      await this.announce(channelId, { [user.id]: other.displayName, [other.id]: user.displayName });
    return { channel: await this.get(user, channelId), created };
  }

  /**
   * For the meetings module: creates the meeting's channel on first call, then renames it and sets who may see
   * it (the listed organisations, coordinators and admins). Idempotent; call it after the meeting's own
   * transaction has committed. Sockets of organisations taken off the list leave the channel at once.
   */
  async ensureMeetingChannel(input: MeetingChannelInput): Promise<OwnedChannelChange> {
    if (input.organisationIds) {
      const wanted = [...new Set(input.organisationIds)];
      const existing = new Set(await this.channels.existingOrganisationIds(wanted));
      const unknown = wanted.find((id) => !existing.has(id));
      if (unknown) throw badRequest('organisationIds', `names no organisation (${unknown})`);
    }
    const change = await this.channels.upsertMeeting(input.meetingId, input.title, input.organisationIds);
    this.emitChanged(change);
    return change;
  }

  @OnEvent(DOMAIN_EVENTS.siteChanged)
  async onSiteChanged(event: SiteChangedEvent): Promise<void> {
    const { id, name, organisationId } = event.site.properties;
    await this.syncOwned('site', id, event.change === 'deleted' ? null : { name, organisationId });
  }

  @OnEvent(DOMAIN_EVENTS.zoneChanged)
  async onZoneChanged(event: ZoneChangedEvent): Promise<void> {
    const { id, name } = event.zone.properties;
    await this.syncOwned(
      'zone',
      id,
      event.change === 'deleted' ? null : { name, organisationId: event.organisationId },
    );
  }

  /** A site's or zone's channel follows it: made with it, renamed with it, archived when it is deleted. */
  private async syncOwned(
    kind: 'site' | 'zone',
    refId: string,
    current: { name: string; organisationId: string } | null,
  ): Promise<void> {
    try {
      if (current === null) {
        const archived = await this.channels.archiveOwned(kind, refId);
        if (archived) this.emitChanged({ channel: archived, previous: archived });
        return;
      }
      const change = await this.channels.upsertOwned(kind, refId, current.name, current.organisationId);
      if (change) this.emitChanged(change);
    } catch (error) {
      // An event listener's failure must not undo the change that was already committed: log it loudly.
      this.logger.error(`Could not update the channel of ${kind} ${refId}: ${(error as Error).message}`);
    }
  }

  private async announce(channelId: string, namesFor: Record<string, string>): Promise<void> {
    const channel = await this.channels.findAccess(channelId);
    if (channel) this.emitChanged({ channel, previous: null }, namesFor);
  }

  private emitChanged(change: OwnedChannelChange, namesFor?: Record<string, string>): void {
    const event: ChannelChangedEvent = { ...change, namesFor };
    this.events.emit(MESSAGING_EVENTS.channelChanged, event);
  }
}
