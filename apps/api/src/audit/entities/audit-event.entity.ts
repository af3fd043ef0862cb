import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditEntity } from '@samverkan/contracts';

@Entity('audit_events')
export class AuditEventEntity {
  /** Chain order; `id` is the public identifier. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Column('uuid', { unique: true, default: () => 'gen_random_uuid()' })
  id: string;

  @Column('timestamptz')
  at: Date;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('text')
  action: string;

  @Column('text')
  entity: AuditEntity;

  @Column('text', { name: 'entity_id', nullable: true })
  entityId: string | null;

  @Column('jsonb', { nullable: true })
  before: object | null;

  @Column('jsonb', { nullable: true })
  after: object | null;

  @Column('text')
  hash: string;

  @Column('text', { name: 'prev_hash', nullable: true })
  prevHash: string | null;
}
