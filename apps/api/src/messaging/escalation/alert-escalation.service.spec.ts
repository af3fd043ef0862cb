import type { EntityManager } from 'typeorm';
import type { AuditService } from '../../audit/audit.service';
import type { Clock } from '../../common/clock';
import { strictFake } from '../../common/spec-helpers';
import type { Transaction, UnitOfWork } from '../../database/transaction-events';
import type { PeopleService } from '../../people/people.service';
import type { MessagesRepository } from '../messages.repository';
import type { MessageRow } from '../messaging.rows';
import { AlertEscalationService } from './alert-escalation.service';
import type { EscalationRepository } from './escalation.repository';
import type { AlertEscalationRow } from './escalation.rows';

/** The worker against an injected clock: one escalation row, advanced tick by tick as the database would keep it. */
function setUp() {
  let now = new Date('2026-12-07T10:00:00Z');
  const row: AlertEscalationRow = {
    message_id: 'm1',
    steps: [
      { delaySeconds: 60, targets: [{ kind: 'user', userId: 'u1' }] },
      { delaySeconds: 120, targets: [{ kind: 'role', role: 'coordinator' }] },
    ],
    repeat: 1,
    state: 'open',
    fired: 0,
    next_at: new Date(now.getTime() + 60_000),
  };
  const raised: { step: number; of: number; state: string; userIds: string[] }[] = [];
  const message = {
    id: 'm1',
    channel_id: 'c1',
    author_id: 'author',
    body: 'Larm',
    created_at: now,
  } as MessageRow;
  const manager = strictFake<EntityManager>('manager', {});
  const transaction: Transaction = {
    manager,
    raise: async (_event, payload) => {
      raised.push(payload as (typeof raised)[number]);
      return [];
    },
  };
  const escalations = strictFake<EscalationRepository>('EscalationRepository', {
    anyDue: async (at: Date) => row.state === 'open' && row.next_at! <= at,
    claimDue: async (_: EntityManager, at: Date) =>
      row.state === 'open' && row.next_at! <= at ? [{ ...row }] : [],
    recordStep: async (
      _: EntityManager,
      _id: string,
      step: number,
      _at: Date,
      _users: string[],
      nextAt: Date | null,
    ) => {
      Object.assign(row, { fired: step, next_at: nextAt, state: nextAt ? 'open' : 'exhausted' });
    },
  });
  const service = new AlertEscalationService(
    escalations,
    strictFake<MessagesRepository>('MessagesRepository', { findById: async () => message }),
    strictFake<PeopleService>('PeopleService', {
      activeUserIdsMatching: async (_: EntityManager, criteria: { userIds: string[] }) =>
        criteria.userIds.length ? criteria.userIds : ['coordinator-1'],
    }),
    strictFake<AuditService>('AuditService', { record: async () => undefined }),
    strictFake<UnitOfWork>('UnitOfWork', {
      run: (work: (t: Transaction) => Promise<unknown>) => work(transaction),
    }),
    { now: () => now } as Clock,
  );
  return {
    service,
    row,
    raised,
    advance: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)),
  };
}

describe('AlertEscalationService.fireDue', () => {
  it('fires nothing before a step is due, each step once at its delay, the steps again, then is exhausted', async () => {
    const { service, row, raised, advance } = setUp();
    advance(59);
    expect(await service.fireDue()).toBe(0);
    advance(1);
    expect(await service.fireDue()).toBe(1);
    expect(await service.fireDue()).toBe(0);
    expect(raised).toEqual([
      {
        message: expect.anything(),
        step: 1,
        of: 4,
        at: '2026-12-07T10:01:00.000Z',
        userIds: ['u1'],
        state: 'open',
      },
    ]);
    expect(row.next_at).toEqual(new Date('2026-12-07T10:03:00Z'));
    advance(120);
    await service.fireDue();
    advance(60);
    await service.fireDue();
    // Late by 30 s: the next delay counts from when this step really fired.
    advance(150);
    await service.fireDue();
    expect(raised.map(({ step, userIds, state }) => ({ step, userIds, state }))).toEqual([
      { step: 1, userIds: ['u1'], state: 'open' },
      { step: 2, userIds: ['coordinator-1'], state: 'open' },
      { step: 3, userIds: ['u1'], state: 'open' },
      { step: 4, userIds: ['coordinator-1'], state: 'exhausted' },
    ]);
    expect(row).toMatchObject({ state: 'exhausted', fired: 4, next_at: null });
    advance(3600);
    expect(await service.fireDue()).toBe(0);
  });
});
