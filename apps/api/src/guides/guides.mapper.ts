import type { Guide, GuideDraft, GuideHtml, GuideVersionSummary } from '@samverkan/contracts';
import { renderGuideHtml } from './guide-html';
import type { GuideVersionRow } from './guides.repository';

export function toGuideDto(row: GuideVersionRow): Guide {
  return {
    key: row.key,
    lang: row.lang,
    title: row.title,
    body: row.body,
    version: row.version,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    publishedBy: row.publishedBy,
    publishedByName: row.publishedByName,
    published: row.published,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toGuideDraftDto(row: GuideVersionRow): GuideDraft {
  return { key: row.key, lang: row.lang, title: row.title, body: row.body, version: row.version, published: false, createdAt: row.createdAt.toISOString() };
}

export function toGuideVersionSummary(row: GuideVersionRow): GuideVersionSummary {
  return {
    version: row.version,
    title: row.title,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    publishedBy: row.publishedBy,
    published: row.published,
  };
}

export function toGuideHtml(row: GuideVersionRow): GuideHtml {
  return {
    key: row.key,
    lang: row.lang,
    title: row.title,
    version: row.version,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    html: renderGuideHtml(row.body),
  };
}
