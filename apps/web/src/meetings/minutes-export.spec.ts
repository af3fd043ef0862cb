import { minutesFileName } from './minutes-export';

describe('minutesFileName', () => {
  it('makes a plain file name of the title and day', () => {
    expect(minutesFileName('Samverkansmöte Malmö – december', '2026-12-03T08:00:00.000Z', 'md')).toBe(
      'samverkansmote-malmo-december-2026-12-03-minutes.md',
    );
  });

  it('falls back to "meeting" for a title of symbols only', () => {
    expect(minutesFileName('***', '2026-12-03T08:00:00.000Z', 'html')).toBe(
      'meeting-2026-12-03-minutes.html',
    );
  });
});
