import { Injectable } from '@nestjs/common';
import { MESSAGE_RATE_LIMIT } from '@samverkan/contracts';

/**
 * At most `limit` new messages per user within a sliding window (MESSAGE_RATE_LIMIT), counted by this instance (a user spread
 * over several instances gets that much on each; enough to stop a runaway client, which is the point).
 */
@Injectable()
export class SendRateLimiter {
  private readonly sent = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number = MESSAGE_RATE_LIMIT.messages,
    private readonly windowMs: number = MESSAGE_RATE_LIMIT.windowSeconds * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Takes a slot for one new message: false when the user has used them all. Taken before the message is
   * stored, so concurrent sends cannot all slip through; given back when nothing new was stored.
   */
  take(userId: string): boolean {
    const times = this.recent(userId);
    if (times.length >= this.limit) return false;
    times.push(this.now());
    this.sent.set(userId, times);
    this.sweep();
    return true;
  }

  /** Returns the slot of a send that stored nothing (a resend, a refusal, an error). */
  giveBack(userId: string): void {
    this.sent.get(userId)?.pop();
  }

  /** The limit in words, for the refusal: "at most 20 in 10 seconds". */
  describe(): string {
    return `at most ${this.limit} in ${this.windowMs / 1000} seconds`;
  }

  /** Seconds until the user may send again. */
  retryAfterSeconds(userId: string): number {
    const times = this.recent(userId);
    if (times.length < this.limit) return 0;
    return Math.max(1, Math.ceil((times[times.length - this.limit] + this.windowMs - this.now()) / 1000));
  }

  private recent(userId: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.sent.get(userId) ?? []).filter((time) => time > since);
  }

  /** Forgets users who have not sent within the window, so the map does not grow without end. */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [userId, times] of this.sent) {
      if (times[times.length - 1] <= now - this.windowMs) this.sent.delete(userId);
    }
  }
}
