import { HttpException } from '@nestjs/common';
import { LoginThrottle } from './login-throttle';
import type { AppConfig } from '../config/app-config';

function throttle(perIp = 100, perEmail = 3, windowSeconds = 600) {
  return new LoginThrottle({ loginThrottle: { perIp, perEmail, windowSeconds } } as AppConfig);
}

function retryAfter(action: () => unknown): number {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(HttpException);
    expect((error as HttpException).getStatus()).toBe(429);
    return ((error as HttpException).getResponse() as { retryAfterSeconds: number }).retryAfterSeconds;
  }
  throw new Error('expected 429');
}

describe('LoginThrottle', () => {
  it('counts an attempt before its password is checked: parallel guesses beyond the free ones wait', () => {
    const limiter = throttle();
    const attempts = [1, 2, 3].map(() => limiter.admitLogin('10.0.0.1', 'a@x.se', 1000));
    expect(attempts).toHaveLength(3);
    // None of the three has failed yet, and still a fourth must wait.
    expect(retryAfter(() => limiter.admitLogin('10.0.0.1', 'a@x.se', 1000))).toBe(2);
  });

  it('makes each further attempt wait a delay that doubles, not a lock-out', () => {
    const limiter = throttle();
    for (let i = 0; i < 3; i++) limiter.admitLogin('10.0.0.1', 'a@x.se', 1000).failed(1000);
    expect(retryAfter(() => limiter.admitLogin('10.0.0.1', 'A@x.se', 2000))).toBe(1);
    limiter.admitLogin('10.0.0.1', 'a@x.se', 3000).failed(3000);
    expect(retryAfter(() => limiter.admitLogin('10.0.0.1', 'a@x.se', 3000))).toBe(4);
    limiter.admitLogin('10.0.0.1', 'a@x.se', 7000).failed(7000);
    expect(retryAfter(() => limiter.admitLogin('10.0.0.1', 'a@x.se', 7000))).toBe(8);
    // The right password after the wait signs in and forgets the failures.
    limiter.admitLogin('10.0.0.1', 'a@x.se', 15_000).succeeded(15_000);
    expect(() => limiter.admitLogin('10.0.0.1', 'a@x.se', 15_000)).not.toThrow();
  });

  it('caps the delay at the window and forgets failures twice the window after the last one', () => {
    const limiter = throttle(100, 1, 60);
    let now = 0;
    for (let i = 0; i < 12; i++) {
      limiter.admitLogin('ip', 'a@x.se', now).failed(now);
      now += 60_000;
    }
    expect(retryAfter(() => limiter.admitLogin('ip', 'a@x.se', now - 59_000))).toBe(59);
    expect(() => limiter.admitLogin('ip', 'a@x.se', now + 60_000)).not.toThrow();
  });

  it('slows guesses at one e-mail from many addresses, but not the owner from an address they signed in from', () => {
    const limiter = throttle();
    limiter.admitLogin('198.51.100.7', 'owner@x.se', 0).succeeded(0);
    for (let i = 0; i < 3; i++) limiter.admitLogin(`203.0.113.${i}`, 'owner@x.se', 1000).failed(1000);
    expect(() => limiter.admitLogin('203.0.113.99', 'owner@x.se', 1000)).toThrow(/Too many/);
    expect(() => limiter.admitLogin('198.51.100.7', 'owner@x.se', 1000)).not.toThrow();
  });

  it('limits failures from one address whatever the e-mail, and does not count successes', () => {
    const limiter = throttle(2);
    for (let i = 0; i < 50; i++) limiter.admitLogin('192.0.2.1', `officer${i}@x.se`, 1000).succeeded(1000);
    limiter.admitLogin('192.0.2.1', 'a@x.se', 1000).failed(1000);
    limiter.admitLogin('192.0.2.1', 'b@x.se', 1000).failed(1000);
    expect(retryAfter(() => limiter.admitLogin('192.0.2.1', 'c@x.se', 1000))).toBe(600);
    expect(() => limiter.admitLogin('192.0.2.2', 'c@x.se', 1000)).not.toThrow();
  });

  it('a right password before a second factor keeps the account counted until the code is right', () => {
    const limiter = throttle(2, 3);
    // The address's count comes back (colleagues behind one address are not held up)...
    for (let i = 0; i < 2; i++) limiter.admitLogin('10.0.0.1', `${i}@x.se`, 1000).passwordAccepted();
    expect(() => limiter.admitLogin('10.0.0.1', 'other@x.se', 1000).succeeded(1000)).not.toThrow();
    // ...but a new challenge does not clear the account's wrong codes: three counts and the next attempt waits.
    limiter.admitLogin('10.0.0.2', 'a@x.se', 1000).passwordAccepted();
    limiter.admitLogin('10.0.0.2', 'a@x.se', 1000).failed(1000);
    limiter.admitLogin('10.0.0.2', 'a@x.se', 1000).passwordAccepted();
    expect(retryAfter(() => limiter.admitLogin('10.0.0.2', 'a@x.se', 1000))).toBe(2);
  });

  it('throttles wrong current passwords per account', () => {
    const limiter = throttle();
    for (let i = 0; i < 3; i++) limiter.admitPasswordCheck('user-1', 1000).failed(1000);
    expect(retryAfter(() => limiter.admitPasswordCheck('user-1', 1000))).toBe(2);
    expect(() => limiter.admitPasswordCheck('user-2', 1000)).not.toThrow();
  });
});
