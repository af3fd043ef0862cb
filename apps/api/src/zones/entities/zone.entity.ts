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

  /** The running suspension (all null otherwise): by which organisation, since and until when, holding back which agreed version. */
  @Column('uuid', { name: 'suspended_by_organisation_id', nullable: true })
  suspendedByOrganisationId: string | null;

  @Column('timestamptz', { name: 'suspended_at', nullable: true })
  suspendedAt: Date | null;

  @Column('timestamptz', { name: 'suspended_until', nullable: true })
  suspendedUntil: Date | null;

  @Column('integer', { name: 'suspended_version', nullable: true })
  suspendedVersion: number | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
