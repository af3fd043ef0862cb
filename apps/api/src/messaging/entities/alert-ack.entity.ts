import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user has seen an urgent message. */
@Entity('alert_acks')
export class AlertAckEntity {
  @PrimaryColumn('uuid', { name: 'message_id' })
  messageId: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @Column('timestamptz', { name: 'acked_at', default: () => 'now()' })
  ackedAt: Date;
}
