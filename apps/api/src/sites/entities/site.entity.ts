import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Point, Schedule, SiteType } from '@samverkan/contracts';

/** A place where a harm reduction service is given. Spatial reads and writes go through SitesRepository. */
@Entity('sites')
export class SiteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @Column('text')
  name: string;

  @Column('text')
  type: SiteType;

  @Column('geometry', { spatialFeatureType: 'Point', srid: 4326, select: false })
  location: Point;

  @Column('text', { nullable: true })
  address: string | null;

  @Column('text', { name: 'opening_hours', nullable: true })
  openingHours: string | null;

  @Column('jsonb', { name: 'opening_schedule', nullable: true })
  openingSchedule: Schedule | null;

  @Column('text', { nullable: true })
  description: string | null;

  /** The site's public phone number: an organisation's, so the identity guard does not apply. */
  @Column('text', { nullable: true })
  phone: string | null;

  @Column('integer', { default: 1 })
  version: number;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt: Date | null;
}
