import { reportOccurredAtProblem } from './reports';

describe('when a report may say something happened', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const DAY = 86_400_000;
  it.each([
    ['now', 0, null],
    ['within the clock skew', 119_000, null],
    ['beyond the clock skew', 121_000, 'in_future'],
    ['89 days ago', -89 * DAY, null],
    ['just within 90 days', -90 * DAY + 1000, null],
    ['just over 90 days ago', -90 * DAY - 1000, 'too_old'],
  ] as const)('%s (%d ms): %s', (_name, offsetMs, problem) => {
    expect(reportOccurredAtProblem(new Date(now.getTime() + offsetMs), now)).toBe(problem);
  });
});
