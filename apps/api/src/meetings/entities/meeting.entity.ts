import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MeetingView } from '@samverkan/contracts';

@Entity('meetings')
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('text', { nullable: true })
  place: string | null;

  @Column('text', { nullable: true })
  series: string | null;

  /** The series name, or the sorted organisation ids when there is none: what "the same series" compares. */
  @Column('text', { name: 'series_key' })
  seriesKey: string;

  @Column('integer', { default: 1 })
  version: number;

  /** Rises with every change to the meeting or anything in it (agenda, minutes, decisions, actions). */
  @Column('integer', { default: 1 })
  revision: number;

  @Column('uuid', { name: 'channel_id', nullable: true })
  channelId: string | null;

  @Column('uuid', { name: 'presenter_id', nullable: true })
  presenterId: string | null;

  @Column('uuid', { name: 'current_item_id', nullable: true })
  currentItemId: string | null;

  @Column('jsonb', { nullable: true })
  view: MeetingView | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
