import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('meeting_decisions')
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;

  @Column('uuid', { name: 'agenda_item_id', nullable: true })
  agendaItemId: string | null;

  @Column('text')
  text: string;

  @Column('uuid', { name: 'zone_id', nullable: true })
  zoneId: string | null;

  @Column('integer', { name: 'zone_version', nullable: true })
  zoneVersion: number | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
