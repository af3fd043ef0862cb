import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DateTime } from 'luxon';
import { DEFAULT_TIMEZONE, type ZoneFeature, type ZoneSuspension } from '@samverkan/contracts';
import { DOMAIN_EVENTS, ZoneProposedEvent, ZoneReviewDueEvent, ZoneSuspendedEvent, ZoneSuspensionEndedEvent } from '../common/domain-events';
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

/** The review notice, in Swedish and English: how far off the review date is, and how a zone is renewed. */
export function reviewNoticeBody(zoneName: string, reviewBy: string, daysLeft: number): string {
  const swedish =
    daysLeft > 0
      ? `Zonen ”${zoneName}” ska ses över senast ${reviewBy} (om ${daysLeft} dagar).`
      : daysLeft === 0
        ? `Zonen ”${zoneName}” ska ses över i dag (${reviewBy}).`
        : `Zonen ”${zoneName}” skulle ha setts över senast ${reviewBy}; den gäller ändå tills vidare.`;
  const english =
    daysLeft > 0
      ? `The zone "${zoneName}" is to be reviewed by ${reviewBy} (in ${daysLeft} days).`
      : daysLeft === 0
        ? `The zone "${zoneName}" is to be reviewed today (${reviewBy}).`
        : `The zone "${zoneName}" was to be reviewed by ${reviewBy}; it stays in force meanwhile.`;
  return (
    `${swedish} Förnya den med en ny version som båda sidor godkänner.\n\n` +
    `${english} Renew it with a new version that both sides approve.`
  );
}

const SIDE_NAMES = { police: { sv: 'polisen', en: 'the police' }, service: { sv: 'verksamheten', en: 'the service' } } as const;

/** The notice of a proposal: who proposed which version, and which sides' signatures it awaits. */
export function proposalNoticeBody(zoneName: string, version: number, proposer: string, approvedBy: 'police' | 'service' | null): string {
  const waiting = (['police', 'service'] as const).filter((side) => side !== approvedBy);
  const sv = waiting.map((side) => SIDE_NAMES[side].sv).join(' och ');
  const en = waiting.map((side) => SIDE_NAMES[side].en).join(' and ');
  return (
    `${proposer} har föreslagit version ${version} av zonen ”${zoneName}”. Den väntar på underskrift av ${sv}.\n\n` +
    `${proposer} proposed version ${version} of the zone "${zoneName}". It awaits the signature of ${en}.`
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

  /** Once per stage: the stage was claimed in the database, and the notice's clientId is fixed by it too. */
  @OnEvent(DOMAIN_EVENTS.zoneReviewDue, { async: true, promisify: true })
  async onReviewDue({ zone, reviewBy, daysBefore, daysLeft }: ZoneReviewDueEvent): Promise<void> {
    const key = `zone-review:${zone.properties.id}:${reviewBy}:${daysBefore}`;
    await this.guarded(`the review notice of zone ${zone.properties.id}`, () =>
      this.postNotice(zone, key, reviewNoticeBody(zone.properties.name, reviewBy, daysLeft)),
    );
  }

  /** A colleague's proposal, told on the zone's channel (no alert): signatories of both sides see what waits for them. */
  @OnEvent(DOMAIN_EVENTS.zoneProposed, { async: true, promisify: true })
  async onProposed({ zone, actor, approvedBy }: ZoneProposedEvent): Promise<void> {
    const { id, version, name } = zone.properties;
    const key = `zone-proposed:${id}:${version}`;
    await this.guarded(`the proposal notice of zone ${id}`, async () => {
      const [proposer] = await this.people.usersByIds([actor.id]);
      await this.postNotice(zone, key, proposalNoticeBody(name, version, proposer?.displayName ?? 'Samverkan', approvedBy));
    });
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
