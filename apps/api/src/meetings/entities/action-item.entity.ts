import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ActionStatus } from '@samverkan/contracts';

@Entity('meeting_actions')
export class ActionItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;

  @Column('uuid', { name: 'agenda_item_id', nullable: true })
  agendaItemId: string | null;

  @Column('text')
  title: string;

  @Column('uuid', { name: 'owner_id' })
  ownerId: string;

  /** YYYY-MM-DD: a `date` column comes back from pg as a string, never shifted by a time zone. */
  @Column('date', { name: 'due_date' })
  dueDate: string;

  @Column('text', { default: 'open' })
  status: ActionStatus;

  @Column('timestamptz', { name: 'done_at', nullable: true })
  doneAt: Date | null;

  @Column('integer', { default: 1 })
  version: number;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
