import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditEntity, AuditEvent, AuditVerifyResponse } from '@samverkan/contracts';
import { AuditEventEntity } from './entities/audit-event.entity';
import { canonicalJson } from './canonical-json';

// Any fixed number: the advisory lock that puts appends to the chain in a single line.
const AUDIT_CHAIN_LOCK_KEY = 720_418;
const VERIFY_BATCH = 1000;

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

function hashEvent(event: Omit<AuditEvent, 'hash'>): string {
  const content = canonicalJson({
    id: event.id,
    at: event.at,
    actorId: event.actorId,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    before: event.before,
    after: event.after,
    prevHash: event.prevHash,
  });
  return createHash('sha256').update(content).digest('hex');
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

/** The append-only, hash-chained audit log. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    const hash = hashEvent(event);
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

  /** Walks the whole chain: every hash must match its content and name the previous event's hash. */
  async verify(): Promise<AuditVerifyResponse> {
    const repository = this.dataSource.getRepository(AuditEventEntity);
    let checked = 0;
    let previousHash: string | null = null;
    let afterSeq = '0';
    for (;;) {
      const rows = await repository
        .createQueryBuilder('e')
        .where('e.seq > :afterSeq', { afterSeq })
        .orderBy('e.seq', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      if (rows.length === 0) return { ok: true, checked };
      for (const row of rows) {
        const event = toAuditEvent(row);
        const { hash, ...content } = event;
        if (event.prevHash !== previousHash || hashEvent(content) !== hash) {
          return { ok: false, checked, brokenAt: event.id };
        }
        previousHash = hash;
        checked += 1;
      }
      afterSeq = rows[rows.length - 1].seq;
    }
  }
}
