import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MultiPolygon, Schedule, ZoneTerms } from '@samverkan/contracts';

/** One version of a zone: its shape, schedule, validity and notes. Spatial reads and writes go through ZonesRepository. */
@Entity('zone_versions')
export class ZoneVersionEntity {
  @PrimaryColumn('uuid', { name: 'zone_id' })
  zoneId: string;

  @PrimaryColumn('integer')
  version: number;

  @Column('text')
  name: string;

  @Column('geometry', { spatialFeatureType: 'MultiPolygon', srid: 4326, select: false })
  geom: MultiPolygon;

  @Column('text', { name: 'geometry_type' })
  geometryType: 'Polygon' | 'MultiPolygon';

  @Column('integer', { name: 'radius_meters', nullable: true })
  radiusMeters: number | null;

  @Column('jsonb', { nullable: true })
  schedule: Schedule | null;

  @Column('timestamptz', { name: 'valid_from', nullable: true })
  validFrom: Date | null;

  @Column('timestamptz', { name: 'valid_until', nullable: true })
  validUntil: Date | null;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('jsonb', { default: () => `'{"clauses": [], "text": ""}'::jsonb` })
  terms: ZoneTerms;

  /** A local date, kept as `YYYY-MM-DD` text: a JavaScript Date would shift it by the time zone. */
  @Column('date', { name: 'review_by', nullable: true })
  reviewBy: string | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'agreed_at', nullable: true })
  agreedAt: Date | null;
}
