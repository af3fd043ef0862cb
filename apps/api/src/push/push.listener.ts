import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AUTH_EVENTS, SessionsRevokedEvent } from '../auth/auth-user';
import {
  AlertEscalatedEvent,
  AlertStoredEvent,
  DirectMessageStoredEvent,
  DOMAIN_EVENTS,
} from '../common/domain-events';
import { PeopleService } from '../people/people.service';
import { PresenceService } from '../realtime/presence.service';
import { roomsOf } from '../realtime/rooms';
import { alertPushPayload, directPushPayload, pushTopic } from './push-payloads';
import { PushService } from './push.service';

/** An alert is about now; a direct message can wait a day for a phone that is off. */
const ALERT_TTL_SECONDS = 60 * 60;
const DIRECT_TTL_SECONDS = 24 * 60 * 60;

/**
 * What is pushed to phones, heard after the change committed (`async`: the sender is never held up, and a
 * failure here is logged, never passed back).
 */
@Injectable()
export class PushListener {
  private readonly logger = new Logger('Push');

  constructor(
    private readonly push: PushService,
    private readonly people: PeopleService,
    private readonly presence: PresenceService,
  ) {}

  /** Every member of the alert's channel but its author, connected or not (a tab in a pocket is not seen). */
  @OnEvent(DOMAIN_EVENTS.alertStored, { async: true, promisify: true })
  async onAlert({ message, audience }: AlertStoredEvent): Promise<void> {
    await this.guarded(`the alert ${message.id}`, async () => {
      if (!this.push.enabled) return;
      const members = (await this.subscribersIn(audience)).filter((userId) => userId !== message.authorId);
      await this.push.deliver(members, alertPushPayload(message), {
        urgency: 'high',
        ttlSeconds: ALERT_TTL_SECONDS,
        topic: pushTopic(message.id),
      });
    });
  }

  /** The other person of a direct channel, only when none of their connections is open (else the app shows it). */
  @OnEvent(DOMAIN_EVENTS.directMessageStored, { async: true, promisify: true })
  async onDirectMessage({ message, recipientId }: DirectMessageStoredEvent): Promise<void> {
    await this.guarded(`the direct message ${message.id}`, async () => {
      if (!this.push.enabled || (await this.presence.isConnected(recipientId))) return;
      await this.push.deliver([recipientId], directPushPayload(message), {
        urgency: 'normal',
        ttlSeconds: DIRECT_TTL_SECONDS,
        topic: pushTopic(message.channelId),
      });
    });
  }

  /** An escalation step: its targets, members of the channel or not, get the alert again (one notice per alert). */
  @OnEvent(DOMAIN_EVENTS.alertEscalated, { async: true, promisify: true })
  async onEscalated({ message, userIds, step, of }: AlertEscalatedEvent): Promise<void> {
    const escalation = { step, of };
    await this.guarded(`escalation step ${escalation.step} of the alert ${message.id}`, () =>
      this.push.deliver(userIds, alertPushPayload(message, escalation), {
        urgency: 'high',
        ttlSeconds: ALERT_TTL_SECONDS,
        topic: pushTopic(message.id),
      }),
    );
  }

  @OnEvent(AUTH_EVENTS.sessionsRevoked, { async: true, promisify: true })
  async onSessionsRevoked({ userId, sessionIds }: SessionsRevokedEvent): Promise<void> {
    await this.guarded(`the subscriptions of ended sessions of ${userId}`, () =>
      this.push.sessionsEnded(userId, sessionIds),
    );
  }

  /**
   * The subscribed users who are in the audience: the channel's rule is written once, as the socket rooms that
   * reach exactly its members (messaging's channelAudience), so a user is a member when one of their rooms is.
   */
  private async subscribersIn(audience: string[] | 'everyone'): Promise<string[]> {
    const users = (await this.people.usersByIds(await this.push.subscribedUserIds())).filter(
      (user) => !user.disabled,
    );
    if (audience === 'everyone') return users.map((user) => user.id);
    const kinds = new Map(
      (await this.people.organisationsByIds([...new Set(users.map((user) => user.organisationId))])).map(
        (o) => [o.id, o.kind],
      ),
    );
    const rooms = new Set(audience);
    return users
      .filter((user) => {
        const organisationKind = kinds.get(user.organisationId);
        // The session room is in no channel's audience; a user's other rooms are the same for all their sessions.
        return (
          organisationKind &&
          roomsOf({ ...user, organisationKind, sessionId: '' }).some((room) => rooms.has(room))
        );
      })
      .map((user) => user.id);
  }

  private async guarded(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error(`Push for ${what} failed: ${(error as Error).message}`);
    }
  }
}
