import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DateTime } from 'luxon';
import { DEFAULT_TIMEZONE, type ZoneFeature, type ZoneSuspension } from '@samverkan/contracts';
import { DOMAIN_EVENTS, ZoneSuspendedEvent, ZoneSuspensionEndedEvent } from '../common/domain-events';
import { clientIdForNoticeKey, SYSTEM_AUTHOR } from '../common/system-author';
import { PeopleService } from '../people/people.service';
import { ChannelsRepository } from './channels.repository';
import { ChannelsService } from './channels.service';
import { MessagePushes } from './message-pushes';
import { Clock } from '../common/clock';
import { MessagesRepository } from './messages.repository';
import { toMessageDto } from './messaging.mapper';

const SYSTEM_VIEWER = { id: SYSTEM_AUTHOR.userId, organisationId: SYSTEM_AUTHOR.organisationId, role: 'coordinator', organisationKind: 'coordination' } as const;

/** A time as both sides read it on a notice: local to Sweden, to the minute. */
const localTime = (iso: string) => DateTime.fromISO(iso, { zone: DEFAULT_TIMEZONE }).toFormat('yyyy-MM-dd HH:mm');

/** The notice of a suspension, in Swedish and English (read by both sides, in either language); the reason once. */
export function suspensionNoticeBody(zoneName: string, suspension: ZoneSuspension): string {
  const { byOrganisationName: by, since, until, reason } = suspension;
  const swedish = until
    ? `Zonen ”${zoneName}” är upphävd av ${by} från ${localTime(since)} till ${localTime(until)}; sedan gäller den överenskomna versionen igen.`
    : `Zonen ”${zoneName}” är upphävd av ${by} från ${localTime(since)} tills båda sidor godkänner den igen.`;
  const english = until
    ? `The zone "${zoneName}" is suspended by ${by} from ${localTime(since)} until ${localTime(until)}; then the agreed version applies again.`
    : `The zone "${zoneName}" is suspended by ${by} from ${localTime(since)} until both sides approve it again.`;
  return `${swedish}\n${english}\n\nSkäl / Reason: ${reason}`;
}

export function suspensionEndedNoticeBody(zoneName: string): string {
  return (
    `Upphävandet av zonen ”${zoneName}” har löpt ut: den överenskomna versionen gäller igen enligt sina tider.\n\n` +
    `The suspension of the zone "${zoneName}" has ended: the agreed version applies again by its schedule.`
  );
}

/**
 * Tells people about zone suspensions through the ordinary channels: a notice on the zone's channel, and an
 * urgent direct message from the one who suspended to each signatory of the other side of the agreement (their
 * alert, which they can answer). Each message
 * has a fixed clientId, so a rerun never posts it twice.
 */
@Injectable()
export class ZoneNoticesListener {
  private readonly logger = new Logger(ZoneNoticesListener.name);

  constructor(
    private readonly channelsRepository: ChannelsRepository,
    private readonly channels: ChannelsService,
    private readonly messages: MessagesRepository,
    private readonly people: PeopleService,
    private readonly pushes: MessagePushes,
    private readonly clock: Clock,
  ) {}

  @OnEvent(DOMAIN_EVENTS.zoneSuspended, { async: true, promisify: true })
  async onSuspended({ zone, actor, alertOrganisationIds }: ZoneSuspendedEvent): Promise<void> {
    const suspension = zone.properties.suspension;
    if (!suspension) return;
    const body = suspensionNoticeBody(zone.properties.name, suspension);
    const key = `zone-suspended:${zone.properties.id}:${suspension.since}`;
    await this.guarded(`the suspension notice of zone ${zone.properties.id}`, () => this.postNotice(zone, key, body));
    const signatories = (await this.people.activeSignatories(alertOrganisationIds)).filter((user) => user.id !== actor.id);
    for (const signatory of signatories) {
      await this.guarded(`the suspension alert of zone ${zone.properties.id} to ${signatory.id}`, async () => {
        const { channel } = await this.channels.create(actor, { kind: 'direct', userId: signatory.id });
        const row = await this.messages.insert(actor, {
          channelId: channel.id,
          clientId: clientIdForNoticeKey(`${key}:alert:${signatory.id}`),
          body,
          priority: 'urgent',
        }, this.clock.now());
        if (row) await this.pushes.stored(toMessageDto(row));
      });
    }
  }

  @OnEvent(DOMAIN_EVENTS.zoneSuspensionEnded, { async: true, promisify: true })
  async onSuspensionEnded({ zone }: ZoneSuspensionEndedEvent): Promise<void> {
    const key = `zone-suspension-ended:${zone.properties.id}:${zone.properties.updatedAt}`;
    await this.guarded(`the suspension end notice of zone ${zone.properties.id}`, () =>
      this.postNotice(zone, key, suspensionEndedNoticeBody(zone.properties.name)),
    );
  }

  private async postNotice(zone: ZoneFeature, key: string, body: string): Promise<void> {
    const channelId = await this.channelsRepository.openOwnedChannelId('zone', zone.properties.id);
    if (!channelId) return;
    const row = await this.messages.insert(SYSTEM_VIEWER, { channelId, clientId: clientIdForNoticeKey(key), body, priority: 'normal' }, this.clock.now());
    if (row) await this.pushes.stored(toMessageDto(row));
  }

  private async guarded(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error(`Could not post ${what}: ${(error as Error).message}`);
    }
  }
}
