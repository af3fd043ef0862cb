import type {
  CreateKitRequest,
  Guide,
  GuideDraft,
  GuideHtml,
  GuideLang,
  GuideVersionSummary,
  Kit,
  KitReplacement,
  KitStats,
  KitStatus,
  SaveGuideRequest,
  SiteFeatureCollection,
  UpdateKitRequest,
  UseKitRequest,
  UseKitResponse,
} from '@samverkan/contracts';
import type { ApiFetch } from '../api/api-client';
import { pathSegment, queryString } from '../api/url';

/** Which version of the guide to read: the published one (everyone), or for writers the latest or a given one. */
export type GuideVersionChoice = 'published' | 'latest' | number;

function guideQuery(lang: GuideLang, choice: GuideVersionChoice): string {
  if (choice === 'published') return queryString({ lang });
  return choice === 'latest' ? queryString({ lang, draft: true }) : queryString({ lang, version: choice });
}

/** The contract's naloxone endpoints (the guide and the kits) and the naloxone sites. No DOM. */
export function createNaloxoneApi(apiFetch: ApiFetch) {
  return {
    guide: {
      get: (lang: GuideLang, choice: GuideVersionChoice = 'published') =>
        apiFetch<Guide>(`/api/guides/naloxone${guideQuery(lang, choice)}`),
      /** Rendered to sanitised HTML by the api. */
      html: (lang: GuideLang, choice: GuideVersionChoice = 'published', signal?: AbortSignal) =>
        apiFetch<GuideHtml>(`/api/guides/naloxone/html${guideQuery(lang, choice)}`, { signal }),
      versions: (lang: GuideLang) =>
        apiFetch<GuideVersionSummary[]>(`/api/guides/naloxone/versions${queryString({ lang })}`),
      save: (body: SaveGuideRequest) => apiFetch<GuideDraft>('/api/guides/naloxone', { method: 'PUT', body }),
      publish: (lang: GuideLang, version: number) =>
        apiFetch<Guide>('/api/guides/naloxone/publish', { method: 'POST', body: { lang, version } }),
    },

    kits: {
      list: (filter: { expiringWithinDays?: number; statuses?: KitStatus[] } = {}) =>
        apiFetch<Kit[]>(
          `/api/kits${queryString({ expiringWithinDays: filter.expiringWithinDays, status: filter.statuses?.join(',') })}`,
        ),
      get: (kitId: string) => apiFetch<Kit>(`/api/kits/${pathSegment(kitId)}`),
      create: (body: CreateKitRequest) => apiFetch<Kit>('/api/kits', { method: 'POST', body }),
      update: (kitId: string, body: UpdateKitRequest) =>
        apiFetch<Kit>(`/api/kits/${pathSegment(kitId)}`, { method: 'PATCH', body }),
      use: (kitId: string, body: UseKitRequest) =>
        apiFetch<UseKitResponse>(`/api/kits/${pathSegment(kitId)}/use`, { method: 'POST', body }),
      stats: () => apiFetch<KitStats[]>('/api/kits/stats'),
      /** The caller's used kits that no new kit has replaced yet (police). */
      replacements: () => apiFetch<KitReplacement[]>('/api/kits/replacements'),
    },

    /** Every naloxone site: the nearest ones are found on the phone, so the position never leaves it. */
    naloxoneSites: (signal?: AbortSignal) =>
      apiFetch<SiteFeatureCollection>('/api/sites?type=naloxone', { signal }),
  };
}

export type NaloxoneApi = ReturnType<typeof createNaloxoneApi>;
