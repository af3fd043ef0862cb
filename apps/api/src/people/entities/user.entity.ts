import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VirtualColumn,
} from 'typeorm';
import type { Role } from '@samverkan/contracts';
import { mfaEnabledSql } from '../mfa-enabled';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text')
  role: Role;

  @Column('boolean', { name: 'can_sign', default: false })
  canSign: boolean;

  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @Column('boolean', { default: false })
  disabled: boolean;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash: string;

  /** Read with the user wherever it is loaded, so every `user` in the api's answers tells it. */
  @VirtualColumn({
    type: 'boolean',
    query: (alias) => `SELECT ${mfaEnabledSql(alias)}`,
  })
  mfaEnabled?: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
