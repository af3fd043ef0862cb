import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far a user has read a channel. */
@Entity('channel_reads')
export class ChannelReadEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @PrimaryColumn('uuid', { name: 'channel_id' })
  channelId: string;

  @Column('integer', { name: 'last_read_seq', default: 0 })
  lastReadSeq: number;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
