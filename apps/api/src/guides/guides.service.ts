import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { publishesGuides, writesGuides } from '@samverkan/contracts';
import type { Guide, GuideDraft, GuideHtml, GuideKey, GuideLang, GuideVersionSummary } from '@samverkan/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { toGuideDraftDto, toGuideDto, toGuideHtml, toGuideVersionSummary } from './guides.mapper';
import { GuidesRepository, GuideVersionRow } from './guides.repository';

/** Which version a reader asks for: the published one (everyone), or the latest or a given one (writers). */
export type GuideSelection = { kind: 'published' } | { kind: 'latest' } | { kind: 'version'; version: number };

const LANGUAGE_NAMES: Record<GuideLang, string> = { sv: 'Swedish', en: 'English' };

@Injectable()
export class GuidesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly guides: GuidesRepository,
    private readonly audit: AuditService,
  ) {}

  async get(key: GuideKey, lang: GuideLang, selection: GuideSelection, user: AuthUser): Promise<Guide> {
    return toGuideDto(await this.find(key, lang, selection, user));
  }

  async html(key: GuideKey, lang: GuideLang, selection: GuideSelection, user: AuthUser): Promise<GuideHtml> {
    return toGuideHtml(await this.find(key, lang, selection, user));
  }

  async versions(key: GuideKey, lang: GuideLang, user: AuthUser): Promise<GuideVersionSummary[]> {
    this.ensureWriter(user);
    return (await this.guides.listVersions(key, lang)).map(toGuideVersionSummary);
  }

  /** A new draft version, if `input.version` is still the newest the writer could have read. */
  async saveDraft(key: GuideKey, input: { lang: GuideLang; title: string; body: string; version: number }, user: AuthUser | null): Promise<GuideDraft> {
    if (user) this.ensureWriter(user);
    return this.dataSource.transaction(async (manager) => {
      const stored = await this.guides.insertNextVersion(
        manager,
        { key, lang: input.lang, title: input.title, body: input.body, createdBy: user?.id ?? null },
        input.version,
      );
      if (!stored) {
        const latest = await this.guides.findLatest(key, input.lang, manager);
        throw new ConflictException(
          `The ${LANGUAGE_NAMES[input.lang]} guide is at version ${latest?.version ?? 0}, not ${input.version}: reload it and make your changes again`,
        );
      }
      const draft = (await this.guides.findVersion(key, input.lang, input.version + 1, manager))!;
      await this.audit.record(manager, {
        actorId: user?.id ?? null,
        action: 'draft',
        entity: 'guide',
        entityId: `${key}:${input.lang}`,
        after: { key, lang: input.lang, version: draft.version, title: draft.title },
      });
      return toGuideDraftDto(draft);
    });
  }

  /** Publishes a version (a service signatory; `user` null for the demo seed). Publishing the current one again changes nothing. */
  async publish(key: GuideKey, input: { lang: GuideLang; version: number }, user: AuthUser | null): Promise<Guide> {
    if (user && !publishesGuides(user)) {
      throw new ForbiddenException('Only a signatory of a service publishes the guide');
    }
    const row = await this.dataSource.transaction(async (manager) => {
      const chosen = await this.guides.findVersion(key, input.lang, input.version, manager);
      if (!chosen) throw new NotFoundException(`The ${LANGUAGE_NAMES[input.lang]} guide has no version ${input.version}`);
      if (chosen.published) return chosen;
      const previous = await this.guides.findPublished(key, input.lang, manager);
      await this.guides.markPublished(manager, key, input.lang, input.version, user?.id ?? null);
      await this.audit.record(manager, {
        actorId: user?.id ?? null,
        action: 'publish',
        entity: 'guide',
        entityId: `${key}:${input.lang}`,
        before: previous ? { version: previous.version, title: previous.title } : null,
        after: { key, lang: input.lang, version: chosen.version, title: chosen.title },
      });
      return (await this.guides.findVersion(key, input.lang, input.version, manager))!;
    });
    return toGuideDto(row);
  }

  private async find(key: GuideKey, lang: GuideLang, selection: GuideSelection, user: AuthUser): Promise<GuideVersionRow> {
    switch (selection.kind) {
      case 'published': {
        const published = await this.guides.findPublished(key, lang);
        if (!published) throw new NotFoundException(`No ${LANGUAGE_NAMES[lang]} ${key} guide has been published yet`);
        return published;
      }
      case 'latest': {
        this.ensureWriter(user);
        const latest = await this.guides.findLatest(key, lang);
        if (!latest) throw new NotFoundException(`No ${LANGUAGE_NAMES[lang]} ${key} guide has been written yet`);
        return latest;
      }
      case 'version': {
        this.ensureWriter(user);
        const version = await this.guides.findVersion(key, lang, selection.version);
        if (!version) throw new NotFoundException(`The ${LANGUAGE_NAMES[lang]} ${key} guide has no version ${selection.version}`);
        return version;
      }
    }
  }

  private ensureWriter(user: AuthUser): void {
    if (!writesGuides(user)) throw new ForbiddenException('Drafts and versions of the guide are for service staff and coordinators');
  }
}
