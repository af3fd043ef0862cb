import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('meeting_agenda_items')
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;

  @Column('integer')
  position: number;

  @Column('text')
  title: string;

  @Column('uuid', { name: 'site_id', nullable: true })
  siteId: string | null;

  @Column('uuid', { name: 'zone_id', nullable: true })
  zoneId: string | null;

  @Column('uuid', { name: 'report_id', nullable: true })
  reportId: string | null;

  @Column('text', { default: '' })
  minutes: string;

  @Column('integer', { default: 1 })
  version: number;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('uuid', { name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
