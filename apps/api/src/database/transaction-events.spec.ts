import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { DataSource, EntityManager } from 'typeorm';
import type { SiteChangedEvent } from '../common/domain-events';
import { DOMAIN_EVENTS } from '../common/domain-events';
import { strictFake } from '../common/spec-helpers';
import { UnitOfWork } from './transaction-events';

const site = (name: string): SiteChangedEvent =>
  ({ change: 'updated', site: { properties: { id: 's1', name } }, actorId: 'u1' }) as unknown as SiteChangedEvent;

/** A database of one row: a transaction works on a copy, kept only when the work resolves. */
function world() {
  const db = { committed: [] as string[] };
  const log: string[] = [];
  const manager = strictFake<EntityManager>('manager', {});
  let pending: string[] | null = null;
  const dataSource = strictFake<DataSource>('DataSource', {
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>) => {
      pending = [...db.committed];
      try {
        const result = await work(manager);
        db.committed = pending;
        log.push('commit');
        return result;
      } catch (error) {
        log.push('rollback');
        throw error;
      } finally {
        pending = null;
      }
    },
  });
  const events = strictFake<EventEmitter2>('EventEmitter2', {
    emit: (name: string, payload: Partial<SiteChangedEvent>) => {
      log.push(`after-commit ${name} ${payload.site?.properties.name ?? '-'}`);
      return true;
    },
  });
  const write = (value: string) => pending!.push(value);
  return { db, log, manager, write, unitOfWork: new UnitOfWork(dataSource, events) };
}

describe('UnitOfWork', () => {
  it('runs in-transaction handlers at once with the same manager, and after-commit listeners once committed', async () => {
    const { unitOfWork, log, manager, db, write } = world();
    unitOfWork.onInTransaction(DOMAIN_EVENTS.siteChanged, async (event, transaction) => {
      expect(transaction.manager).toBe(manager);
      write(`channel of ${event.site.properties.name}`);
      log.push(`in-transaction ${event.site.properties.name}`);
    });

    const answer = await unitOfWork.run(async ({ raise }) => {
      write('site A');
      await raise(DOMAIN_EVENTS.siteChanged, site('A'));
      log.push('work done');
      return 'done';
    });

    expect(answer).toBe('done');
    expect(db.committed).toEqual(['site A', 'channel of A']);
    expect(log).toEqual(['in-transaction A', 'work done', 'commit', `after-commit ${DOMAIN_EVENTS.siteChanged} A`]);
  });

  it('never tells after-commit listeners of a change that rolled back', async () => {
    const { unitOfWork, log, db, write } = world();
    const failure = unitOfWork.run(async ({ raise }) => {
      write('site A');
      await raise(DOMAIN_EVENTS.siteChanged, site('A'));
      throw new Error('refused');
    });

    await expect(failure).rejects.toThrow('refused');
    expect(db.committed).toEqual([]);
    expect(log).toEqual(['rollback']);
  });

  it('rolls the change back when an in-transaction handler fails', async () => {
    const { unitOfWork, log, db, write } = world();
    unitOfWork.onInTransaction(DOMAIN_EVENTS.siteChanged, async () => {
      throw new Error('no channel');
    });

    const failure = unitOfWork.run(async ({ raise }) => {
      write('site A');
      await raise(DOMAIN_EVENTS.siteChanged, site('A'));
    });

    await expect(failure).rejects.toThrow('no channel');
    expect(db.committed).toEqual([]);
    expect(log).toEqual(['rollback']);
  });

  it("answers what the handlers answer, and delivers events the handlers raise after the commit too", async () => {
    const { unitOfWork, log } = world();
    unitOfWork.onInTransaction(DOMAIN_EVENTS.meetingChanged, async (event, transaction) => {
      await transaction.raise(DOMAIN_EVENTS.siteChanged, site(`for ${event.meetingId}`));
      return { channelId: `channel-${event.meetingId}` };
    });

    const replies = await unitOfWork.run(({ raise }) =>
      raise(DOMAIN_EVENTS.meetingChanged, { meetingId: 'm1', title: 'Samråd', organisationIds: [] }),
    );

    expect(replies).toEqual([{ channelId: 'channel-m1' }]);
    expect(log).toEqual([
      'commit',
      `after-commit ${DOMAIN_EVENTS.meetingChanged} -`,
      `after-commit ${DOMAIN_EVENTS.siteChanged} for m1`,
    ]);
  });
});
