import { occurredAtProblem } from './report-rules';

describe('occurredAtProblem', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

  it('accepts now, the past 90 days and up to two minutes of clock skew', () => {
    expect(occurredAtProblem(now, now)).toBeNull();
    expect(occurredAtProblem(at(119_000), now)).toBeNull();
    expect(occurredAtProblem(at(-90 * 86_400_000 + 1000), now)).toBeNull();
  });

  it('refuses the future beyond the skew and anything older than 90 days', () => {
    expect(occurredAtProblem(at(121_000), now)).toBe('must not be in the future');
    expect(occurredAtProblem(at(-90 * 86_400_000 - 1000), now)).toBe('must be within the last 90 days');
  });
});
