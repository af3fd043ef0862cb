import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ZoneStatus } from '@samverkan/contracts';

/** A no-enforcement zone: its status and which of its versions is current and which is agreed. */
@Entity('zones')
export class ZoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'site_id' })
  siteId: string;

  @Column('text')
  status: ZoneStatus;

  @Column('integer', { name: 'current_version' })
  currentVersion: number;

  @Column('integer', { name: 'agreed_version', nullable: true })
  agreedVersion: number | null;

  @Column('text', { name: 'status_reason', nullable: true })
  statusReason: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
