import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MessagePriority } from '@samverkan/contracts';

@Entity('messages')
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'channel_id' })
  channelId: string;

  @Column('integer')
  seq: number;

  @Column('uuid', { name: 'client_id' })
  clientId: string;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @Column('text')
  body: string;

  @Column('text')
  priority: MessagePriority;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
