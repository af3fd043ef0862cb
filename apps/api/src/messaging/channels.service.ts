import { Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { EntityManager } from 'typeorm';
import type { Channel, ChannelKind } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception.filter';
import { PeopleService } from '../people/people.service';
import { channelAudience, ChannelAudienceFacts, seesAllSharedChannels } from './channel-access';
import { ChannelsRepository, OwnedChannelChange } from './channels.repository';
import { CreateChannelDto } from './dto/messaging.dto';
import { ChannelChangedEvent, MESSAGING_EVENTS } from './messaging.events';
import { toAudienceFacts, toChannelDto } from './messaging.mapper';
import type { ChannelAccessRow, ChannelRow } from './messaging.rows';

/** What a site's or zone's channel follows: its name, and the organisation that owns the site. */
export interface OwnedChannelFacts {
  name: string;
  organisationId: string;
}

export interface MeetingChannelInput {
  meetingId: string;
  /** The meeting's title; null keeps the current name. */
  title: string | null;
  /** The organisations taking part (they see the channel, besides coordinators and admins); null keeps them. */
  organisationIds: string[] | null;
}

/** Channels whose kind (and two people) are remembered: each entry is small, and lost entries are read again. */
const KNOWN_KINDS_LIMIT = 50_000;

@Injectable()
export class ChannelsService {
  /** A channel's kind and, for a direct one, its two users: fixed when it is made, so never stale. */
  private readonly kinds = new Map<string, { kind: ChannelKind; directUserIds: [string, string] | null }>();

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

  /** What decides who sees the channel (its kind, organisations, the two people of a direct one); null if unknown. */
  async audienceFactsOf(channelId: string): Promise<ChannelAudienceFacts | null> {
    const channel = await this.channels.findAccess(channelId);
    return channel ? toAudienceFacts(channel) : null;
  }

  /**
   * The channel's kind and a direct channel's two users (null for an unknown channel). Neither ever changes, so
   * they are read once per channel: a message's push asks for every message.
   */
  async kindOf(channelId: string): Promise<{ kind: ChannelKind; directUserIds: [string, string] | null } | null> {
    const known = this.kinds.get(channelId);
    if (known) return known;
    const facts = await this.audienceFactsOf(channelId);
    if (!facts) return null;
    if (this.kinds.size >= KNOWN_KINDS_LIMIT) this.kinds.clear();
    const kind = { kind: facts.kind, directUserIds: facts.directUserIds };
    this.kinds.set(channelId, kind);
    return kind;
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
      // Meetings open their own channels: those taking part get it; to anyone else it is as unknown as a wrong id.
      const existing = await this.channels.findVisibleMeetingChannel(user, input.refId!);
      if (!existing) throw new NotFoundException(`No meeting with id ${input.refId}`);
      return { channel: toChannelDto(existing), created: false };
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
      if (error instanceof NotFoundException) throw badRequest('userId', 'names no user', 'unknown_reference');
      throw error;
    });
    if (other.disabled) throw badRequest('userId', 'names a disabled user', 'unknown_reference');
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
   * Creates the meeting's channel on first call, then renames it and sets who may see it (the listed
   * organisations, coordinators and admins), in a transaction of its own, and tells the clients once committed.
   * Idempotent. Sockets of organisations taken off the list leave the channel at once.
   */
  async ensureMeetingChannel(input: MeetingChannelInput): Promise<OwnedChannelChange> {
    const change = await this.channels.transaction((manager) => this.syncMeetingChannel(manager, input));
    this.publish([change]);
    return change;
  }

  /**
   * `ensureMeetingChannel` inside the caller's transaction (the meeting's, through `meeting.changed`), so a meeting
   * never exists without its channel. Pass the answer to `publish` once that transaction has committed.
   */
  async syncMeetingChannel(manager: EntityManager, input: MeetingChannelInput): Promise<OwnedChannelChange> {
    if (input.organisationIds) {
      const wanted = [...new Set(input.organisationIds)];
      const existing = new Set(await this.channels.existingOrganisationIds(wanted, manager));
      const unknown = wanted.find((id) => !existing.has(id));
      if (unknown) throw badRequest('organisationIds', `names no organisation (${unknown})`, 'unknown_reference');
    }
    return this.channels.upsertMeeting(manager, input.meetingId, input.title, input.organisationIds);
  }

  /**
   * A site's or zone's channel follows it: made with it, renamed with it, archived when it is deleted
   * (`current` null). Runs in the caller's transaction (OwnedChannelsListener), so the channel is there exactly when the change is;
   * pass the answer to `publish` once that transaction has committed.
   */
  async syncOwned(
    manager: EntityManager,
    kind: 'site' | 'zone',
    refId: string,
    current: OwnedChannelFacts | null,
  ): Promise<OwnedChannelChange[]> {
    if (current === null) {
      const archived = await this.channels.archiveOwned(manager, kind, refId);
      return archived ? [{ channel: archived, previous: archived }] : [];
    }
    const change = await this.channels.upsertOwned(
      manager,
      kind,
      refId,
      current.name,
      current.organisationId,
    );
    return change ? [change] : [];
  }

  /** In the caller's transaction: the escalation policy the channel follows (null: none). Pass the answer to `publish` once committed. */
  async setEscalationPolicy(
    manager: EntityManager,
    channelId: string,
    policyId: string | null,
  ): Promise<OwnedChannelChange> {
    const change = await this.channels.setEscalationPolicy(manager, channelId, policyId);
    if (!change) throw new NotFoundException(`No channel with id ${channelId}`);
    return change;
  }

  jointChannelId(): Promise<string> {
    return this.channels.jointChannelId();
  }

  /** A channel's audience facts and policy, in the caller's transaction. */
  accessOf(channelId: string, manager: EntityManager): Promise<ChannelAccessRow | null> {
    return this.channels.findAccess(channelId, manager);
  }

  /** After the commit: the channels' audiences hear of them; connections that lost sight of one leave it. */
  publish(changes: OwnedChannelChange[]): void {
    for (const change of changes) this.emitChanged(change);
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
