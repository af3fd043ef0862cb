import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { AuditAnchor, AuditChainProblem, AuditEntity, AuditEvent, AuditHead, AuditVerifyResponse } from '@samverkan/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuditEventEntity } from './entities/audit-event.entity';
import { AuditAnchorStore } from './audit-anchor.store';
import { AuditEventContent, keyedEventHash, legacyEventHash } from './audit-chain';

// Any fixed number: the advisory lock that puts appends to the chain in a single line.
const AUDIT_CHAIN_LOCK_KEY = 720_418;
const VERIFY_BATCH = 1000;
// Marks, in a transaction's QueryRunner, that it appended to the chain (TypeORM keeps `data` for subscribers).
const APPENDED = 'samverkanAuditAppended';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entity: AuditEntity;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Plain JSON, as jsonb will give it back: what is hashed is exactly what is stored. */
function asStoredJson(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

export function toAuditEvent(row: AuditEventEntity): AuditEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    hash: row.hash,
    prevHash: row.prevHash,
  };
}

/** The append-only audit log, chained by HMACs under AUDIT_KEY and compared with the anchors kept outside the database. */
@Injectable()
export class AuditService implements OnModuleInit {
  private readonly logger = new Logger('Audit');
  private appendListener: (() => void) | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly anchors: AuditAnchorStore,
  ) {}

  /** Before anything appends: a chain written before AUDIT_KEY existed is re-keyed once. */
  async onModuleInit(): Promise<void> {
    this.dataSource.subscribers.push({
      afterTransactionCommit: ({ queryRunner }) => this.transactionEnded(queryRunner, true),
      afterTransactionRollback: ({ queryRunner }) => this.transactionEnded(queryRunner, false),
    });
    await this.rekeyLegacyChain();
  }

  /**
   * Called once a transaction that appended has committed (the anchoring schedules itself from it). Not at the
   * append: an anchoring that ran before the commit would not see the event, and nothing would anchor it until
   * the periodic anchoring a minute later.
   */
  onAppended(listener: () => void): void {
    this.appendListener = listener;
  }

  private transactionEnded(queryRunner: QueryRunner | undefined, committed: boolean): void {
    // A savepoint released or rolled back leaves the outer transaction running: its end decides.
    if (!queryRunner || queryRunner.isTransactionActive || !queryRunner.data[APPENDED]) return;
    queryRunner.data[APPENDED] = false;
    if (committed) this.appendListener?.();
  }

  private hash(event: AuditEventContent): string {
    return keyedEventHash(this.config.auditKey, event);
  }

  /**
   * Appends an event inside the caller's transaction, so the change and its audit stand or fall together.
   * The advisory lock serialises appends: two writers never read the same previous hash and fork the chain.
   */
  async record(manager: EntityManager, record: AuditRecord): Promise<AuditEvent> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Audit events are written inside the transaction of the change they describe');
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
    const last = await manager
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .select(['e.hash'])
      .orderBy('e.seq', 'DESC')
      .limit(1)
      .getOne();
    const event: Omit<AuditEvent, 'hash'> = {
      id: randomUUID(),
      at: new Date().toISOString(),
      actorId: record.actorId,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId,
      before: asStoredJson(record.before),
      after: asStoredJson(record.after),
      prevHash: last?.hash ?? null,
    };
    const hash = this.hash(event);
    await manager.getRepository(AuditEventEntity).insert({
      id: event.id,
      at: new Date(event.at),
      actorId: event.actorId,
      action: event.action,
      entity: event.entity,
      entityId: event.entityId,
      before: event.before as object | null,
      after: event.after as object | null,
      hash,
      prevHash: event.prevHash,
    });
    manager.queryRunner.data[APPENDED] = true;
    return { ...event, hash };
  }

  async list(filter: { entity?: AuditEntity; entityIds?: string[]; entities?: AuditEntity[]; limit: number }): Promise<AuditEvent[]> {
    const query = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (filter.entity) query.andWhere('e.entity = :entity', { entity: filter.entity });
    if (filter.entities) query.andWhere('e.entity IN (:...entities)', { entities: filter.entities });
    if (filter.entityIds) query.andWhere('e.entity_id IN (:...ids)', { ids: filter.entityIds });
    const rows = await query.orderBy('e.seq', 'DESC').limit(filter.limit).getMany();
    return rows.reverse().map(toAuditEvent);
  }

  /** The chain's length and newest event now, for an anchor or an external notary. */
  async head(): Promise<AuditHead> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM audit_events)::int AS count, h.hash, h.id
       FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT hash, id FROM audit_events ORDER BY seq DESC LIMIT 1) AS h ON true`,
    )) as { count: number; hash: string | null; id: string | null }[];
    return { at: new Date().toISOString(), count: row.count, headHash: row.hash, headId: row.id };
  }

  /** Whether the chain still holds the anchored event at the anchored position: null when it does. */
  async compareWithAnchor(anchor: AuditAnchor): Promise<AuditChainProblem | null> {
    const rows = (await this.dataSource.query('SELECT hash FROM audit_events ORDER BY seq OFFSET $1 LIMIT 1', [anchor.count - 1])) as {
      hash: string;
    }[];
    if (rows.length === 0) return 'truncated';
    return rows[0].hash === anchor.headHash ? null : 'rewritten';
  }

  /**
   * Walks the whole chain: every event's HMAC must match its content and name the previous event's hash, and the
   * chain must still hold the newest anchor (at least as many events, the anchored one unchanged at its place).
   */
  async verify(): Promise<AuditVerifyResponse> {
    const anchor = this.anchors.latest();
    let checked = 0;
    let previousHash: string | null = null;
    for await (const rows of this.batches()) {
      for (const row of rows) {
        const { hash, ...content } = toAuditEvent(row);
        const problem: AuditChainProblem | null =
          content.prevHash !== previousHash
            ? 'link'
            : this.hash(content) !== hash
              ? 'hash'
              : anchor && checked + 1 === anchor.count && hash !== anchor.headHash
                ? 'rewritten'
                : null;
        if (problem) return { ok: false, checked, brokenAt: content.id, problem, anchor };
        previousHash = hash;
        checked += 1;
      }
    }
    if (anchor && checked < anchor.count) return { ok: false, checked, problem: 'truncated', anchor };
    return { ok: true, checked, anchor };
  }

  private async *batches(source: DataSource | EntityManager = this.dataSource): AsyncGenerator<AuditEventEntity[]> {
    const repository = source.getRepository(AuditEventEntity);
    let afterSeq = '0';
    for (;;) {
      const rows = await repository
        .createQueryBuilder('e')
        .where('e.seq > :afterSeq', { afterSeq })
        .orderBy('e.seq', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      if (rows.length === 0) return;
      yield rows;
      afterSeq = rows[rows.length - 1].seq;
    }
  }

  /**
   * Events written before AUDIT_KEY existed carry plain SHA-256 hashes, which anyone can recompute. At the first
   * start with a key, such a chain is checked as it was written and then re-hashed under the key, once, inside one
   * transaction. Not when anchors exist already: they were written for a keyed chain, so a chain that looks
   * unkeyed then has been recomputed by someone, and verify must go on saying so.
   */
  private async rekeyLegacyChain(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
      const first = await manager.getRepository(AuditEventEntity).createQueryBuilder('e').orderBy('e.seq', 'ASC').limit(1).getOne();
      if (!first) return;
      const { hash, ...content } = toAuditEvent(first);
      if (this.hash(content) === hash) return;
      if (legacyEventHash(content) !== hash) {
        this.logger.error('The first audit event does not verify with AUDIT_KEY: was the chain written with another key?');
        return;
      }
      if (this.anchors.latest()) {
        this.logger.error('The audit chain is hashed without AUDIT_KEY although anchors exist: it was recomputed. Not re-keying it.');
        return;
      }
      let previousHash: string | null = null;
      let count = 0;
      for await (const rows of this.batches(manager)) {
        for (const row of rows) {
          const { hash: stored, ...legacy } = toAuditEvent(row);
          if (legacy.prevHash !== previousHash || legacyEventHash(legacy) !== stored) {
            this.logger.error(`The audit chain written before AUDIT_KEY is broken at event ${legacy.id}. Not re-keying it.`);
            return;
          }
          previousHash = stored;
          count += 1;
        }
      }
      // On purpose and only here: the append-only trigger is lifted inside this transaction to re-hash every event.
      await manager.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      previousHash = null;
      for await (const rows of this.batches(manager)) {
        for (const row of rows) {
          const keyed = this.hash({ ...toAuditEvent(row), prevHash: previousHash });
          await manager.query('UPDATE audit_events SET hash = $1, prev_hash = $2 WHERE seq = $3', [keyed, previousHash, row.seq]);
          previousHash = keyed;
        }
      }
      await manager.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      this.logger.warn(`Re-keyed the audit chain's ${count} events, written before AUDIT_KEY, under AUDIT_KEY.`);
    });
  }
}
