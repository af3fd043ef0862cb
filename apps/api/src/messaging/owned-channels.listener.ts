import { Injectable, OnModuleInit } from '@nestjs/common';
import { DOMAIN_EVENTS, MeetingChangedEvent, SiteChangedEvent, ZoneChangedEvent } from '../common/domain-events';
import { Transaction, UnitOfWork } from '../database/transaction-events';
import type { OwnedChannelChange } from './channels.repository';
import { ChannelsService } from './channels.service';
import { MESSAGING_EVENTS } from './messaging.events';

/**
 * A site's, zone's or meeting's channel follows it in the same transaction: made with it, renamed with it,
 * archived when the site is deleted, so the channel is there exactly when the change is (and a failure here
 * rolls the change back). Clients hear of the channel once the transaction committed.
 */
@Injectable()
export class OwnedChannelsListener implements OnModuleInit {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly channels: ChannelsService,
  ) {}

  onModuleInit(): void {
    this.unitOfWork.onInTransaction(DOMAIN_EVENTS.siteChanged, (event, transaction) => this.onSite(event, transaction));
    this.unitOfWork.onInTransaction(DOMAIN_EVENTS.zoneChanged, (event, transaction) => this.onZone(event, transaction));
    this.unitOfWork.onInTransaction(DOMAIN_EVENTS.meetingChanged, (event, transaction) =>
      this.onMeeting(event, transaction),
    );
  }

  async onSite({ change, site }: SiteChangedEvent, transaction: Transaction): Promise<void> {
    const { id, name, organisationId } = site.properties;
    const current = change === 'deleted' ? null : { name, organisationId };
    await this.raise(transaction, await this.channels.syncOwned(transaction.manager, 'site', id, current));
  }

  async onZone({ change, zone, organisationId }: ZoneChangedEvent, transaction: Transaction): Promise<void> {
    const { id, name } = zone.properties;
    const current = change === 'deleted' ? null : { name, organisationId };
    await this.raise(transaction, await this.channels.syncOwned(transaction.manager, 'zone', id, current));
  }

  /** Answers the channel's id, which the meeting remembers. */
  async onMeeting(event: MeetingChangedEvent, transaction: Transaction): Promise<{ channelId: string }> {
    const change = await this.channels.syncMeetingChannel(transaction.manager, {
      meetingId: event.meetingId,
      title: event.title,
      organisationIds: event.organisationIds,
    });
    await this.raise(transaction, [change]);
    return { channelId: change.channel.id };
  }

  private async raise(transaction: Transaction, changes: OwnedChannelChange[]): Promise<void> {
    for (const change of changes) await transaction.raise(MESSAGING_EVENTS.channelChanged, { ...change });
  }
}
