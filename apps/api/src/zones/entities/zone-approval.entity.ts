import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ZoneApproval } from '@samverkan/contracts';

/** A signatory's approval of one version of a zone, for their side. */
@Entity('zone_approvals')
export class ZoneApprovalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'zone_id' })
  zoneId: string;

  @Column('integer')
  version: number;

  @Column('text')
  side: ZoneApproval['side'];

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;

  @Column('timestamptz', { name: 'superseded_at', nullable: true })
  supersededAt: Date | null;
}
