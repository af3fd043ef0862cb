import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ChannelKind } from '@samverkan/contracts';

@Entity('channels')
export class ChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: ChannelKind;

  @Column('text')
  name: string;

  @Column('uuid', { name: 'ref_id', nullable: true })
  refId: string | null;

  /** Site and zone channels: the organisation that owns the site. */
  @Column('uuid', { name: 'organisation_id', nullable: true })
  organisationId: string | null;

  @Column('uuid', { name: 'direct_user_low', nullable: true })
  directUserLow: string | null;

  @Column('uuid', { name: 'direct_user_high', nullable: true })
  directUserHigh: string | null;

  @Column('integer', { name: 'last_seq', default: 0 })
  lastSeq: number;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
