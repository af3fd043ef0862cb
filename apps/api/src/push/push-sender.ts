import { Inject, Injectable } from '@nestjs/common';
import { generateRequestDetails } from 'web-push';
import type { PushPayload } from '@samverkan/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** What a push service answered: taken, the subscription is gone for good (404/410), or another failure. */
export type PushOutcome = { kind: 'delivered' } | { kind: 'gone' } | { kind: 'failed'; reason: string };

export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushOptions {
  /** `high` wakes a sleeping phone (alerts); `normal` may wait for it. */
  urgency: 'high' | 'normal';
  /** How long the push service keeps the message for a phone that is off. */
  ttlSeconds: number;
  /** A newer message with the same topic replaces one not yet delivered. */
  topic?: string;
}

/** A push service that does not answer within this long is given up on (the message is stored anyway). */
const SEND_TIMEOUT_MS = 10_000;

/**
 * Sends one push message. web-push encrypts the payload (RFC 8291, aes128gcm) and signs the VAPID header; the
 * request itself goes out through fetch, with a timeout, and never follows redirects. Tests replace this class
 * (or point endpoints at a local fake push service, which the test-only setting allows over http).
 */
@Injectable()
export class PushSender {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(target: PushTarget, payload: PushPayload, options: PushOptions): Promise<PushOutcome> {
    const push = this.config.push;
    if (!push) return { kind: 'failed', reason: 'push is off' };
    const details = generateRequestDetails(target, JSON.stringify(payload), {
      vapidDetails: { subject: push.subject, publicKey: push.publicKey, privateKey: push.privateKey },
      TTL: options.ttlSeconds,
      urgency: options.urgency,
      contentEncoding: 'aes128gcm',
      ...(options.topic ? { topic: options.topic } : {}),
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(details.headers)) {
      // fetch sets the length of the body itself.
      if (name.toLowerCase() !== 'content-length') headers[name] = String(value);
    }
    let response: Response;
    try {
      response = await fetch(details.endpoint, {
        method: details.method,
        headers,
        body: details.body ? new Uint8Array(details.body) : undefined,
        redirect: 'error',
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
    } catch (error) {
      return { kind: 'failed', reason: (error as Error).message };
    }
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { kind: 'delivered' };
    if (response.status === 404 || response.status === 410) return { kind: 'gone' };
    return { kind: 'failed', reason: `the push service answered ${response.status}` };
  }
}
