import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GuideKey, GuideLang } from '@samverkan/contracts';

/** One version of a guide in one language. Versions are kept; the one published last is what officers read. */
@Entity('guide_versions')
export class GuideVersionEntity {
  @PrimaryColumn('text')
  key: GuideKey;

  @PrimaryColumn('text')
  lang: GuideLang;

  @PrimaryColumn('integer')
  version: number;

  @Column('text')
  title: string;

  /** Markdown, stored exactly as written. */
  @Column('text')
  body: string;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('uuid', { name: 'published_by', nullable: true })
  publishedBy: string | null;
}
