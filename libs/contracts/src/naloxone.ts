import type { FieldReport } from './reports';

// The naloxone guide for officers and the naloxone kits police organisations carry.

export const GUIDE_KEYS = ['naloxone'] as const;
export type GuideKey = (typeof GUIDE_KEYS)[number];

export const GUIDE_LANGS = ['sv', 'en'] as const;
export type GuideLang = (typeof GUIDE_LANGS)[number];

export const GUIDE_LIMITS = { maxTitle: 200, maxBody: 20_000 } as const;

/** `GET /api/guides/naloxone?lang=`: the published guide (or, with `draft=true`, the latest version). */
export interface Guide {
  key: GuideKey;
  lang: GuideLang;
  title: string;
  /** Markdown, as written: render it through a sanitiser, never as raw HTML. */
  body: string;
  version: number;
  publishedAt: string | null;
  publishedBy: string | null;
  /** Extension: the publisher's display name. */
  publishedByName: string | null;
  /** Extension: whether this version is the one officers read now. */
  published: boolean;
  /** Extension: when this version was written. */
  createdAt: string;
}

/** `PUT /api/guides/naloxone`: the new draft version. */
export interface GuideDraft {
  key: GuideKey;
  lang: GuideLang;
  title: string;
  body: string;
  version: number;
  published: false;
  /** Extension. */
  createdAt: string;
}

export interface SaveGuideRequest {
  lang: GuideLang;
  title: string;
  body: string;
  /** The latest version of this language the writer read; 0 when there was none. */
  version: number;
}

export interface PublishGuideRequest {
  lang: GuideLang;
  version: number;
}

/** Extension: `GET /api/guides/naloxone/versions?lang=`, newest first. */
export interface GuideVersionSummary {
  version: number;
  title: string;
  createdAt: string;
  createdBy: string | null;
  /** When this version was last published; null if it never was. */
  publishedAt: string | null;
  publishedBy: string | null;
  /** This version is the one officers read now. */
  published: boolean;
}

/** Extension: `GET /api/guides/naloxone/html?lang=`: the guide rendered to sanitised HTML. */
export interface GuideHtml {
  key: GuideKey;
  lang: GuideLang;
  title: string;
  version: number;
  publishedAt: string | null;
  html: string;
}

export const KIT_STATUSES = ['in_service', 'used', 'discarded'] as const;
export type KitStatus = (typeof KIT_STATUSES)[number];

export const KIT_LIMITS = {
  maxLabel: 200,
  maxBatch: 100,
  /** "Expiring soon" in the kit list and the resupply counts. */
  expiringSoonDays: 60,
  /** The daily notice on the joint channel names kits expiring within this many days. */
  noticeDays: 14,
  /** `usedByMonth` covers this many months, the current one included. */
  usedByMonths: 12,
} as const;

export interface Kit {
  id: string;
  organisationId: string;
  /** A unit or a vehicle, never a person. */
  label: string;
  batch: string;
  /** YYYY-MM-DD; the kit may be used through this day. */
  expiresOn: string;
  status: KitStatus;
  version: number;
  /** Extension: when it was used (status `used`), else null. */
  usedAt: string | null;
  /** Extension: the `overdose_response` report its use created, else null. */
  reportId: string | null;
  /** Extension: the expiry day has passed (in Europe/Stockholm). */
  expired: boolean;
  /** Extension: days from today (Europe/Stockholm) to `expiresOn`; negative once expired. */
  daysUntilExpiry: number;
}

export interface CreateKitRequest {
  label: string;
  batch: string;
  expiresOn: string;
}

export interface UpdateKitRequest {
  version: number;
  label?: string;
  batch?: string;
  expiresOn?: string;
  /** `in_service` or `discarded`; a use is recorded with `POST /api/kits/:id/use`. */
  status?: Exclude<KitStatus, 'used'>;
}

export interface UseKitRequest {
  usedAt: string;
  siteId?: string | null;
  zoneId?: string | null;
}

/** `POST /api/kits/:id/use`: the used kit and the report its use created. */
export interface UseKitResponse {
  kit: Kit;
  report: FieldReport;
}

/**
 * Extension: `GET /api/kits/replacements` (police): a kit the caller used that no new kit has replaced yet, so
 * the app reminds them to get one. Oldest use first.
 */
export interface KitReplacement {
  /** The used kit. */
  kitId: string;
  label: string;
  usedAt: string;
}

/** `GET /api/kits/stats`: one entry per police organisation the caller can see, by name. */
export interface KitStats {
  organisationId: string;
  organisationName: string;
  /** Kits in service whose expiry day has not passed. */
  inService: number;
  /** Of those, the kits that expire within 60 days. */
  expiringWithin60Days: number;
  /** Kits still in service whose expiry day has passed. */
  expired: number;
  /** Kits used per month (YYYY-MM, Europe/Stockholm) over the last 12 months, oldest first, zeros included. */
  usedByMonth: { month: string; count: number }[];
}
