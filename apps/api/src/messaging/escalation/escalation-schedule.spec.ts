import { nextDue, stepIndexAfter, totalSteps, type EscalationPlan } from './escalation-schedule';

const plan: EscalationPlan = { steps: [{ delaySeconds: 300 }, { delaySeconds: 900 }], repeat: 1 };

/** Runs the schedule the way the worker does, against a clock that only moves when told. */
function run(p: EscalationPlan, sentAt: Date, lateBySeconds = 0): Date[] {
  const fired: Date[] = [];
  let clock = sentAt;
  let due = nextDue(p, 0, clock);
  while (due) {
    clock = new Date(due.getTime() + lateBySeconds * 1000);
    fired.push(clock);
    due = nextDue(p, fired.length, clock);
  }
  return fired;
}

describe('escalation schedule', () => {
  const sentAt = new Date('2026-12-07T10:00:00Z');

  it('fires each step its delay after the previous one, then the steps again `repeat` times', () => {
    expect(run(plan, sentAt).map((at) => at.toISOString())).toEqual([
      '2026-12-07T10:05:00.000Z',
      '2026-12-07T10:20:00.000Z',
      '2026-12-07T10:25:00.000Z',
      '2026-12-07T10:40:00.000Z',
    ]);
  });

  it('is exhausted after steps × (repeat + 1)', () => {
    expect(totalSteps(plan)).toBe(4);
    expect(stepIndexAfter(plan, 3)).toBe(1);
    expect(stepIndexAfter(plan, 4)).toBeNull();
    expect(nextDue(plan, 4, sentAt)).toBeNull();
    expect(totalSteps({ steps: [{ delaySeconds: 1 }], repeat: 0 })).toBe(1);
    expect(run({ steps: [{ delaySeconds: 1 }], repeat: 5 }, sentAt)).toHaveLength(6);
  });

  it('counts from when a late step really fired: a server that was down sends no burst', () => {
    const fired = run({ steps: [{ delaySeconds: 60 }], repeat: 2 }, sentAt, 600);
    expect(fired.map((at) => (at.getTime() - sentAt.getTime()) / 1000)).toEqual([660, 1320, 1980]);
  });
});
