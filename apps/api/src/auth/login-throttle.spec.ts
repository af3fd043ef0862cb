import { LoginThrottle } from './login-throttle';
import type { AppConfig } from '../config/app-config';

function throttle(perIp = 5, perEmail = 3) {
  return new LoginThrottle({ loginThrottle: { perIp, perEmail, windowSeconds: 60 } } as AppConfig);
}

describe('LoginThrottle', () => {
  it('blocks an e-mail after its failures, whatever the address, until the window ends', () => {
    const limiter = throttle();
    for (let i = 0; i < 3; i++) {
      limiter.admit(`10.0.0.${i}`, 'a@x.se', 1000);
      limiter.failed(`10.0.0.${i}`, 'A@x.se', 1000);
    }
    expect(() => limiter.admit('10.0.0.9', 'a@X.se', 2000)).toThrow(/Too many/);
    expect(() => limiter.admit('10.0.0.9', 'a@x.se', 61_001)).not.toThrow();
  });

  it('does not count successful sign-ins from a shared address', () => {
    const limiter = throttle(2);
    for (let i = 0; i < 50; i++) limiter.admit('192.0.2.1', `officer${i}@x.se`, 1000);
    limiter.failed('192.0.2.1', 'a@x.se', 1000);
    limiter.failed('192.0.2.1', 'b@x.se', 1000);
    expect(() => limiter.admit('192.0.2.1', 'c@x.se', 1000)).toThrow(/Too many/);
  });

  it('forgets an e-mail’s failures after a success', () => {
    const limiter = throttle(100, 2);
    limiter.failed('ip', 'a@x.se', 1000);
    limiter.succeeded('a@x.se');
    limiter.failed('ip', 'a@x.se', 1000);
    expect(() => limiter.admit('ip', 'a@x.se', 1000)).not.toThrow();
  });
});
