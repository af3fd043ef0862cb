import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Counts events per key in a fixed window that starts with the first event. */
class WindowCounter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly windowMs: number) {}

  count(key: string, now: number): number {
    return this.current(key, now)?.count ?? 0;
  }

  add(key: string, now: number): number {
    const window = this.current(key, now) ?? { count: 0, resetAt: now + this.windowMs };
    window.count += 1;
    this.windows.set(key, window);
    if (this.windows.size > 10_000) this.sweep(now);
    return window.count;
  }

  clear(key: string): void {
    this.windows.delete(key);
  }

  secondsLeft(key: string, now: number): number {
    const window = this.current(key, now);
    return window ? Math.max(1, Math.ceil((window.resetAt - now) / 1000)) : 0;
  }

  private current(key: string, now: number) {
    const window = this.windows.get(key);
    if (window && window.resetAt <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/**
 * Slows down password guessing: failed attempts count against the caller's IP address and against the
 * e-mail address tried, whichever IP they come from. Successful sign-ins do not count, so a police station
 * whose officers share one public address is not locked out by its own colleagues. Kept per instance.
 */
@Injectable()
export class LoginThrottle {
  private readonly failuresPerIp: WindowCounter;
  private readonly failuresPerEmail: WindowCounter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const windowMs = config.loginThrottle.windowSeconds * 1000;
    this.failuresPerIp = new WindowCounter(windowMs);
    this.failuresPerEmail = new WindowCounter(windowMs);
  }

  /** Throws 429 when this attempt is over either limit. */
  admit(ip: string, email: string, now = Date.now()): void {
    const { perIp, perEmail } = this.config.loginThrottle;
    const emailKey = email.toLowerCase();
    if (this.failuresPerIp.count(ip, now) >= perIp) throw this.tooMany(this.failuresPerIp.secondsLeft(ip, now));
    if (this.failuresPerEmail.count(emailKey, now) >= perEmail) {
      throw this.tooMany(this.failuresPerEmail.secondsLeft(emailKey, now));
    }
  }

  failed(ip: string, email: string, now = Date.now()): void {
    this.failuresPerIp.add(ip, now);
    this.failuresPerEmail.add(email.toLowerCase(), now);
  }

  succeeded(email: string): void {
    this.failuresPerEmail.clear(email.toLowerCase());
  }

  private tooMany(retryAfterSeconds: number): HttpException {
    return new HttpException(
      { message: 'Too many sign-in attempts; wait a while and try again', retryAfterSeconds },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
