import { SendRateLimiter } from './send-rate-limiter';

describe('SendRateLimiter', () => {
  let now = 0;
  const limiter = () => new SendRateLimiter(3, 10_000, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('takes up to the limit within the window, per user', () => {
    const subject = limiter();
    expect([subject.take('a'), subject.take('a'), subject.take('a'), subject.take('a')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(subject.take('b')).toBe(true);
  });

  it('frees slots as the window slides and says when', () => {
    const subject = limiter();
    subject.take('a');
    now += 4_000;
    subject.take('a');
    subject.take('a');
    expect(subject.retryAfterSeconds('a')).toBe(6);
    now += 6_001;
    expect(subject.retryAfterSeconds('a')).toBe(0);
    expect(subject.take('a')).toBe(true);
    expect(subject.take('a')).toBe(false);
  });

  it('gives back the slot of a send that stored nothing', () => {
    const subject = limiter();
    subject.take('a');
    subject.take('a');
    subject.take('a');
    subject.giveBack('a');
    expect(subject.take('a')).toBe(true);
  });
});
