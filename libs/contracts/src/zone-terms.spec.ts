import { daysUntilReview, isReviewDue, reviewNoticeStagesReached } from './zone-terms';

/** Each day from `first` to `last` as the job sees it, with the stages it would claim that were not claimed before. */
function noticesByDay(reviewBy: string, days: string[]): [string, number][] {
  const claimed = new Set<number>();
  const sent: [string, number][] = [];
  for (const today of days) {
    const fresh = reviewNoticeStagesReached(reviewBy, today).filter((stage) => !claimed.has(stage));
    fresh.forEach((stage) => claimed.add(stage));
    // One notice per run, for the newest stage reached.
    if (fresh.length > 0) sent.push([today, Math.min(...fresh)]);
  }
  return sent;
}

const daysFrom = (first: string, count: number) =>
  Array.from({ length: count }, (_, index) => new Date(Date.parse(`${first}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10));

describe('review dates', () => {
  it('counts whole days, across month ends and a DST change', () => {
    expect(daysUntilReview('2027-04-01', '2027-03-01')).toBe(31);
    expect(daysUntilReview('2027-03-29', '2027-03-27')).toBe(2);
    expect(daysUntilReview('2027-03-01', '2027-03-02')).toBe(-1);
  });

  it('is due within 30 days, and past', () => {
    expect(isReviewDue('2027-04-01', '2027-03-01')).toBe(false);
    expect(isReviewDue('2027-03-31', '2027-03-01')).toBe(true);
    expect(isReviewDue('2027-01-01', '2027-03-01')).toBe(true);
    expect(isReviewDue(null, '2027-03-01')).toBe(false);
  });

  it('gives a notice 30 and 7 days before and on the day, once each, when the job runs every day', () => {
    expect(noticesByDay('2027-06-30', daysFrom('2027-05-01', 90))).toEqual([
      ['2027-05-31', 30],
      ['2027-06-23', 7],
      ['2027-06-30', 0],
    ]);
  });

  it('after a pause gives only the newest stage, and never one twice', () => {
    expect(noticesByDay('2027-06-30', ['2027-05-01', '2027-06-25', '2027-06-26', '2027-07-10'])).toEqual([
      ['2027-06-25', 7],
      ['2027-07-10', 0],
    ]);
  });
});
