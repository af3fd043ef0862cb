import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { PUSH_LIMITS } from '@samverkan/contracts';
import type { PushKeyResponse, PushPayload, PushSubscriptionResponse } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { SessionsService } from '../auth/sessions.service';
import { badRequest, DetailedHttpException } from '../common/api-exception.filter';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { PushSubscriptionDto } from './dto/push.dto';
import { pushEndpointProblem, pushKeysProblem } from './push-endpoint';
import { PushRepository, StoredSubscription } from './push.repository';
import { PushOptions, PushSender } from './push-sender';

/** Subscriptions and the sending of push messages to the users' live sessions. */
@Injectable()
export class PushService {
  private readonly logger = new Logger('Push');

  constructor(
    private readonly subscriptions: PushRepository,
    private readonly sender: PushSender,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.push !== null;
  }

  key(): PushKeyResponse {
    return { publicKey: this.requireEnabled().publicKey };
  }

  /** Binds the browser's subscription to the caller's session: it ends with that session. */
  async subscribe(
    user: AuthUser,
    input: PushSubscriptionDto,
  ): Promise<{ subscription: PushSubscriptionResponse; created: boolean }> {
    this.requireEnabled();
    const endpointProblem = pushEndpointProblem(input.endpoint, this.config.pushInsecureLoopbackEndpoints);
    if (endpointProblem) throw badRequest('endpoint', endpointProblem.message, endpointProblem.reason);
    const keysProblem = pushKeysProblem(input.keys);
    if (keysProblem) throw badRequest(keysProblem.field, keysProblem.message, 'invalid_push_key');
    const { subscription, created } = await this.subscriptions.upsert(
      {
        endpoint: input.endpoint,
        p256dh: input.keys.p256dh,
        auth: input.keys.auth,
        userId: user.id,
        sessionId: user.sessionId,
      },
      PUSH_LIMITS.maxPerUser,
    );
    return {
      subscription: { endpoint: subscription.endpoint, createdAt: subscription.createdAt.toISOString() },
      created,
    };
  }

  /** Every user with at least one subscription (those an alert may reach). */
  subscribedUserIds(): Promise<string[]> {
    return this.subscriptions.subscribedUserIds();
  }

  /** Idempotent: an endpoint the caller does not hold is as good as deleted. */
  async unsubscribe(user: AuthUser, endpoint: string): Promise<void> {
    await this.subscriptions.deleteOfUser(user.id, endpoint);
  }

  /**
   * Sessions ended (after their revocation committed): their subscriptions go. Without the sessions' ids, every
   * subscription of the user whose session is no longer live goes (a password change keeps the changer's own).
   */
  async sessionsEnded(userId: string, sessionIds?: string[]): Promise<void> {
    if (sessionIds) {
      await this.subscriptions.deleteOfSessions(sessionIds);
      return;
    }
    const held = await this.subscriptions.findOfUsers([userId]);
    await this.dropDeadSessions(held);
  }

  /**
   * Sends the payload to every subscription of these users whose session is still live; a subscription whose
   * session has ended, or that its push service says is gone (404, 410), is deleted. Never throws: the change
   * that caused the push is committed whatever happens here.
   */
  async deliver(userIds: string[], payload: PushPayload, options: PushOptions): Promise<void> {
    if (!this.enabled || !userIds.length) return;
    try {
      const live = await this.dropDeadSessions(await this.subscriptions.findOfUsers([...new Set(userIds)]));
      const outcomes = await Promise.all(
        live.map(async (subscription) => ({
          subscription,
          outcome: await this.sender
            .send(
              {
                endpoint: subscription.endpoint,
                keys: { p256dh: subscription.p256dh, auth: subscription.auth },
              },
              payload,
              options,
            )
            .catch((error: unknown) => ({ kind: 'failed' as const, reason: (error as Error).message })),
        })),
      );
      await this.subscriptions.deleteByIds(
        outcomes.filter(({ outcome }) => outcome.kind === 'gone').map(({ subscription }) => subscription.id),
      );
      for (const { subscription, outcome } of outcomes) {
        // The endpoint is a capability URL: only its host is logged.
        if (outcome.kind === 'failed')
          this.logger.warn(`A push to ${new URL(subscription.endpoint).host} failed: ${outcome.reason}`);
      }
    } catch (error) {
      this.logger.error(
        `Pushes of ${payload.kind} ${payload.messageId} not sent: ${(error as Error).message}`,
      );
    }
  }

  /** Deletes the subscriptions whose session is no longer live (revoked, expired, user disabled); answers the rest. */
  private async dropDeadSessions(subscriptions: StoredSubscription[]): Promise<StoredSubscription[]> {
    if (!subscriptions.length) return [];
    const ended = new Set(
      await this.sessions.endedOf([...new Set(subscriptions.map((subscription) => subscription.sessionId))]),
    );
    const dead = subscriptions.filter((subscription) => ended.has(subscription.sessionId));
    await this.subscriptions.deleteByIds(dead.map((subscription) => subscription.id));
    return subscriptions.filter((subscription) => !ended.has(subscription.sessionId));
  }

  private requireEnabled(): NonNullable<AppConfig['push']> {
    if (!this.config.push) {
      throw new DetailedHttpException(
        HttpStatus.NOT_FOUND,
        [{ field: 'push', message: 'Push is off on this server', reason: 'push_off' }],
        'Push is off on this server',
      );
    }
    return this.config.push;
  }
}
