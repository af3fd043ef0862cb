import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** An admitted attempt: counted as failed from the start, until the caller says it succeeded. */
export interface ThrottledAttempt {
  failed(now?: number): void;
  succeeded(now?: number): void;
}

/** A sign-in whose password was right and whose second factor follows. */
export interface LoginAttempt extends ThrottledAttempt {
  /** The address gets its count back; the account's counts stay until the code is right (they count its guesses). */
  passwordAccepted(): void;
}

interface Counter {
  count: number;
  /** When the last attempt under this key started or failed. */
  lastAt: number;
}

/** Counters that forget a key some time after its last attempt, bounded in size. */
class Counters {
  private readonly counters = new Map<string, Counter>();

  constructor(private readonly forgetAfterMs: number) {}

  get(key: string, now: number): Counter | undefined {
    const counter = this.counters.get(key);
    if (counter && counter.lastAt + this.forgetAfterMs <= now) {
      this.counters.delete(key);
      return undefined;
    }
    return counter;
  }

  add(key: string, now: number): void {
    const counter = this.get(key, now) ?? { count: 0, lastAt: now };
    counter.count += 1;
    counter.lastAt = now;
    this.counters.set(key, counter);
    if (this.counters.size > 10_000) this.sweep(now);
  }

  touch(key: string, now: number): void {
    const counter = this.counters.get(key);
    if (counter) counter.lastAt = Math.max(counter.lastAt, now);
  }

  refund(key: string): void {
    const counter = this.counters.get(key);
    if (counter && --counter.count <= 0) this.counters.delete(key);
  }

  clear(key: string): void {
    this.counters.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, counter] of this.counters)
      if (counter.lastAt + this.forgetAfterMs <= now) this.counters.delete(key);
  }
}

/** How long an address where an account signed in stays known for it. */
const KNOWN_ADDRESS_MS = 30 * 24 * 3600 * 1000;
const KNOWN_ADDRESSES_PER_ACCOUNT = 20;

/**
 * Slows down password guessing without handing out lock-outs. Kept per instance, in memory.
 *
 * - Every attempt is counted when it starts, before the password is verified, so parallel guesses all count.
 *   A success takes its own count back.
 * - Per (address, e-mail) and per e-mail across addresses: `perEmail` failures are free; after that each
 *   attempt must wait a delay that doubles with every failure (2 s, 4 s, 8 s, … up to `windowSeconds`), else
 *   429 with Retry-After. Failures are forgotten 2 × `windowSeconds` after the last one, or at a success.
 * - The e-mail-wide delay does not apply from an address where the account signed in during the last 30 days:
 *   a stranger's guesses from elsewhere cannot keep the owner out. The owner is only slowed by failures from
 *   their own address.
 * - Per address, whatever the e-mail: at most `perIp` failures per `windowSeconds` (password spraying). It only
 *   stops that address; successful sign-ins do not count, so colleagues behind one public address are fine.
 * - Password changes: the wrong current passwords of one account, under the same delays as an e-mail.
 */
@Injectable()
export class LoginThrottle {
  private readonly perIp: Counters;
  private readonly perAddressAndEmail: Counters;
  private readonly perEmail: Counters;
  private readonly perAccount: Counters;
  private readonly knownAddresses = new Map<string, Map<string, number>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const windowMs = config.loginThrottle.windowSeconds * 1000;
    this.perIp = new Counters(windowMs);
    this.perAddressAndEmail = new Counters(2 * windowMs);
    this.perEmail = new Counters(2 * windowMs);
    this.perAccount = new Counters(2 * windowMs);
  }

  /** Throws 429 when this sign-in must wait; else counts it as a failure until told otherwise. */
  admitLogin(ip: string, email: string, now = Date.now()): LoginAttempt {
    const emailKey = email.toLowerCase();
    const pairKey = `${ip} ${emailKey}`;
    const fromKnownAddress = this.isKnownAddress(emailKey, ip, now);
    const ipCounter = this.perIp.get(ip, now);
    if (ipCounter && ipCounter.count >= this.config.loginThrottle.perIp) {
      throw tooMany(
        Math.ceil((ipCounter.lastAt + this.config.loginThrottle.windowSeconds * 1000 - now) / 1000),
      );
    }
    const wait = Math.max(
      this.waitMs(this.perAddressAndEmail, pairKey, now),
      fromKnownAddress ? 0 : this.waitMs(this.perEmail, emailKey, now),
    );
    if (wait > 0) throw tooMany(Math.ceil(wait / 1000));

    this.perIp.add(ip, now);
    this.perAddressAndEmail.add(pairKey, now);
    this.perEmail.add(emailKey, now);
    return {
      failed: (at = Date.now()) => {
        this.perAddressAndEmail.touch(pairKey, at);
        this.perEmail.touch(emailKey, at);
      },
      succeeded: (at = Date.now()) => {
        this.perIp.refund(ip);
        this.perAddressAndEmail.clear(pairKey);
        this.perEmail.clear(emailKey);
        this.rememberAddress(emailKey, ip, at);
      },
      passwordAccepted: () => this.perIp.refund(ip),
    };
  }

  /** Throws 429 when this account's next current-password check must wait; else counts it as a failure. */
  admitPasswordCheck(userId: string, now = Date.now()): ThrottledAttempt {
    const wait = this.waitMs(this.perAccount, userId, now);
    if (wait > 0)
      throw tooMany(Math.ceil(wait / 1000), 'Too many wrong passwords; wait a while and try again');
    this.perAccount.add(userId, now);
    return {
      failed: (at = Date.now()) => this.perAccount.touch(userId, at),
      succeeded: () => this.perAccount.clear(userId),
    };
  }

  /** 0 while the free attempts last; then the doubling delay since the last attempt, minus the time passed. */
  private waitMs(counters: Counters, key: string, now: number): number {
    const counter = counters.get(key, now);
    const { perEmail, windowSeconds } = this.config.loginThrottle;
    if (!counter || counter.count < perEmail) return 0;
    const delayMs = Math.min(windowSeconds, 2 ** (counter.count - perEmail + 1)) * 1000;
    return Math.max(0, counter.lastAt + delayMs - now);
  }

  private isKnownAddress(emailKey: string, ip: string, now: number): boolean {
    const until = this.knownAddresses.get(emailKey)?.get(ip);
    return until !== undefined && until > now;
  }

  private rememberAddress(emailKey: string, ip: string, now: number): void {
    const addresses = this.knownAddresses.get(emailKey) ?? new Map<string, number>();
    addresses.delete(ip);
    addresses.set(ip, now + KNOWN_ADDRESS_MS);
    // Maps keep insertion order: the first entry is the address used longest ago.
    if (addresses.size > KNOWN_ADDRESSES_PER_ACCOUNT)
      addresses.delete(addresses.keys().next().value as string);
    this.knownAddresses.set(emailKey, addresses);
    if (this.knownAddresses.size > 100_000)
      this.knownAddresses.delete(this.knownAddresses.keys().next().value as string);
  }
}

function tooMany(
  retryAfterSeconds: number,
  message = 'Too many sign-in attempts; wait a while and try again',
): HttpException {
  return new HttpException(
    { message, retryAfterSeconds: Math.max(1, retryAfterSeconds) },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
