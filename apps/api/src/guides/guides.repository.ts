import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { GuideKey, GuideLang } from '@samverkan/contracts';
import { GuideVersionEntity } from './entities/guide-version.entity';

/** A stored version with its publisher's name and whether it is the one officers read now. */
export type GuideVersionRow = GuideVersionEntity & { publishedByName: string | null; published: boolean };

const VERSION_COLUMNS = `g.key, g.lang, g.version, g.title, g.body, g.created_by AS "createdBy", g.created_at AS "createdAt",
  g.published_at AS "publishedAt", g.published_by AS "publishedBy", u.display_name AS "publishedByName",
  COALESCE(g.version = (
    SELECT p.version FROM guide_versions p
    WHERE p.key = g.key AND p.lang = g.lang AND p.published_at IS NOT NULL
    ORDER BY p.published_at DESC, p.version DESC LIMIT 1
  ), false) AS published`;
// Joins people's users, read only, for the publisher's name in the same row as the version.
const VERSION_FROM = `guide_versions g LEFT JOIN users u ON u.id = g.published_by`;

@Injectable()
export class GuidesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The version published last: the guide officers read. */
  async findPublished(key: GuideKey, lang: GuideLang, manager: EntityManager = this.dataSource.manager): Promise<GuideVersionRow | null> {
    const rows = await manager.query(
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM}
       WHERE g.key = $1 AND g.lang = $2 AND g.published_at IS NOT NULL
       ORDER BY g.published_at DESC, g.version DESC LIMIT 1`,
      [key, lang],
    );
    return rows[0] ?? null;
  }

  /** The newest version, published or not. */
  async findLatest(key: GuideKey, lang: GuideLang, manager: EntityManager = this.dataSource.manager): Promise<GuideVersionRow | null> {
    const rows = await manager.query(
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE g.key = $1 AND g.lang = $2 ORDER BY g.version DESC LIMIT 1`,
      [key, lang],
    );
    return rows[0] ?? null;
  }

  async findVersion(key: GuideKey, lang: GuideLang, version: number, manager: EntityManager = this.dataSource.manager): Promise<GuideVersionRow | null> {
    const rows = await manager.query(`SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE g.key = $1 AND g.lang = $2 AND g.version = $3`, [
      key,
      lang,
      version,
    ]);
    return rows[0] ?? null;
  }

  /** Every version, newest first. */
  async listVersions(key: GuideKey, lang: GuideLang): Promise<GuideVersionRow[]> {
    return this.dataSource.query(`SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE g.key = $1 AND g.lang = $2 ORDER BY g.version DESC`, [
      key,
      lang,
    ]);
  }

  /**
   * Stores the next version, but only while `readVersion` is still the newest (0: none yet). False when
   * another writer got there first. The primary key backs this when two writers race.
   */
  async insertNextVersion(
    manager: EntityManager,
    guide: { key: GuideKey; lang: GuideLang; title: string; body: string; createdBy: string | null },
    readVersion: number,
  ): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO guide_versions (key, lang, version, title, body, created_by)
       SELECT $1, $2, $3::int + 1, $4, $5, $6
       WHERE COALESCE((SELECT max(version) FROM guide_versions WHERE key = $1 AND lang = $2), 0) = $3::int
       ON CONFLICT DO NOTHING
       RETURNING version`,
      [guide.key, guide.lang, readVersion, guide.title, guide.body, guide.createdBy],
    );
    return rows.length === 1;
  }

  async markPublished(manager: EntityManager, key: GuideKey, lang: GuideLang, version: number, publishedBy: string | null): Promise<void> {
    await manager.query(`UPDATE guide_versions SET published_at = now(), published_by = $4 WHERE key = $1 AND lang = $2 AND version = $3`, [
      key,
      lang,
      version,
      publishedBy,
    ]);
  }
}
