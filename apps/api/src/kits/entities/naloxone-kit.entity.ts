import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { KitStatus } from '@samverkan/contracts';

/** A naloxone kit a police organisation carries, labelled by unit or vehicle (never a person). */
@Entity('naloxone_kits')
export class NaloxoneKitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @Column('text')
  label: string;

  @Column('text')
  batch: string;

  /** YYYY-MM-DD: read as text, never through a JavaScript Date that would shift it by a time zone. */
  @Column('date', { name: 'expires_on' })
  expiresOn: string;

  @Column('text')
  status: KitStatus;

  @Column('integer', { default: 1 })
  version: number;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;

  /** The officer who recorded the use (a user, to remind them to get a new kit); null unless used. */
  @Column('uuid', { name: 'used_by', nullable: true })
  usedBy: string | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
