import { suspensionEnded, suspensionUntilProblem } from './suspension';

describe('suspensions', () => {
  const now = new Date('2026-05-04T10:00:00+02:00');

  it('end at their end time, not a moment before; one without an end time never ends by itself', () => {
    const suspension = { until: '2026-05-04T12:00:00+02:00' };
    expect(suspensionEnded(suspension, new Date('2026-05-04T11:59:59.999+02:00'))).toBe(false);
    expect(suspensionEnded(suspension, new Date('2026-05-04T12:00:00+02:00'))).toBe(true);
    expect(suspensionEnded({ until: new Date('2026-05-04T12:00:00+02:00') }, new Date('2026-05-05T00:00:00+02:00'))).toBe(true);
    expect(suspensionEnded({ until: null }, new Date('2099-01-01T00:00:00Z'))).toBe(false);
    expect(suspensionEnded(null, now)).toBe(false);
  });

  it('take an end time ahead and at most 90 days ahead', () => {
    expect(suspensionUntilProblem(now, now)).toBe('not_in_future');
    expect(suspensionUntilProblem(new Date(now.getTime() - 1), now)).toBe('not_in_future');
    expect(suspensionUntilProblem(new Date(now.getTime() + 60_000), now)).toBeNull();
    expect(suspensionUntilProblem(new Date(now.getTime() + 90 * 86_400_000), now)).toBeNull();
    expect(suspensionUntilProblem(new Date(now.getTime() + 90 * 86_400_000 + 1), now)).toBe('too_far_ahead');
  });
});
