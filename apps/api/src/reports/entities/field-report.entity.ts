import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportCategory, ReportStatus } from '@samverkan/contracts';

/** Something one side noticed at or near a site or zone. Never identifies a person. */
@Entity('field_reports')
export class FieldReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  category: ReportCategory;

  @Column('uuid', { name: 'site_id', nullable: true })
  siteId: string | null;

  @Column('uuid', { name: 'zone_id', nullable: true })
  zoneId: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('text')
  body: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @Column('text', { default: 'open' })
  status: ReportStatus;

  @Column('integer', { default: 1 })
  version: number;

  @Column('uuid', { name: 'kit_id', nullable: true })
  kitId: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
