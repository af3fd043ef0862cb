import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DomainEventMap, DomainEventName, DomainEventReply } from '../common/domain-events';

/** A transaction in progress: its EntityManager, and a way to raise events that belong to it. */
export interface Transaction {
  readonly manager: EntityManager;
  /**
   * Runs the event's in-transaction handlers now, in this transaction (a failure rolls the whole change back),
   * and answers what they answer. Its after-commit listeners hear of it only once the transaction committed.
   */
  raise<E extends DomainEventName>(event: E, payload: DomainEventMap[E]): Promise<DomainEventReply<E>[]>;
}

/** What must happen with the change itself (a channel with its site, zone or meeting): same transaction. */
export type InTransactionHandler<E extends DomainEventName> = (
  payload: DomainEventMap[E],
  transaction: Transaction,
) => Promise<DomainEventReply<E>>;

interface Raised {
  event: DomainEventName;
  payload: unknown;
}

/**
 * Changes with their side effects, by kind. `run(work)` opens a transaction; what `work` raises goes first to
 * the handlers registered with `onInTransaction` (same EntityManager, before the commit), then, only once the
 * transaction committed, to the event's after-commit listeners: the `@OnEvent` listeners of @nestjs/event-emitter
 * (pushes to clients, notices). A rollback drops every raised event.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger('UnitOfWork');
  private readonly handlers = new Map<DomainEventName, InTransactionHandler<never>[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventEmitter2,
  ) {}

  onInTransaction<E extends DomainEventName>(event: E, handler: InTransactionHandler<E>): void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler as unknown as InTransactionHandler<never>);
    this.handlers.set(event, list);
  }

  async run<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    const raised: Raised[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const transaction: Transaction = {
        manager,
        raise: async <E extends DomainEventName>(event: E, payload: DomainEventMap[E]) => {
          raised.push({ event, payload });
          const replies: DomainEventReply<E>[] = [];
          for (const handler of this.handlers.get(event) ?? []) {
            replies.push(await (handler as unknown as InTransactionHandler<E>)(payload, transaction));
          }
          return replies;
        },
      };
      return work(transaction);
    });
    this.afterCommit(raised);
    return result;
  }

  /** The change is committed whatever a listener does: a failing one is logged, the others still run. */
  private afterCommit(raised: Raised[]): void {
    for (const { event, payload } of raised) {
      try {
        this.events.emit(event, payload);
      } catch (error) {
        this.logger.error(`A listener of ${event} failed after the commit: ${(error as Error).message}`);
      }
    }
  }
}
