import {
  DEFAULT_TIMEZONE,
  MAX_NAME_LENGTH,
  ZONE_LIMITS,
  ZONE_REVIEW,
  ZONE_TERMS_LIMITS,
  type CreateZoneRequest,
  type IsoWeekday,
  type Schedule,
  type ListedSite,
  type UpdateZoneRequest,
  type ZoneFeature,
  type ZoneGeometry,
} from '@samverkan/contracts';
import { validateSchedule, validateZoneGeometry } from '@samverkan/geo';
import { checkText } from '@samverkan/text';
import type { MessageKey } from '../i18n/dictionary';
import { fromLocalInputValue, stockholmDay, toLocalInputValue } from '../i18n/format';
import { areaSquareMeters, distanceToGeometry } from './geo-math';

export interface WindowDraft {
  days: IsoWeekday[];
  from: string;
  to: string;
}

export type ShapeDraft =
  { kind: 'polygon'; geometry: ZoneGeometry | null } | { kind: 'circle'; radiusMeters: number };

/** The zone form's fields as the user edits them; `validFrom`/`validUntil` are datetime-local values in Stockholm time. */
export interface ZoneDraft {
  siteId: string | null;
  name: string;
  shape: ShapeDraft;
  /** No schedule: in force at every hour of its validity. */
  always: boolean;
  windows: WindowDraft[];
  /** Kept from the zone being edited: the form does not edit exceptions, and must not drop them. */
  exceptions: Schedule['exceptions'];
  timezone: string;
  validFrom: string;
  validUntil: string;
  notes: string;
  /** `YYYY-MM-DD`, or '' for no review date. */
  reviewBy: string;
  /** Chosen standard clauses, by key. */
  clauses: string[];
  termsText: string;
}

export type DraftField = 'site' | 'name' | 'shape' | 'schedule' | 'validity' | 'notes' | 'reviewBy' | 'terms';

/** The review date a new zone proposes: the same day a year on (28 February for 29 February). */
export function reviewDateAhead(today: string, months: number = ZONE_REVIEW.defaultMonthsAhead): string {
  const [year, month, day] = today.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A problem found before sending, in the user's language (the shared validators' own words are English). */
export interface DraftProblem {
  field: DraftField;
  message: MessageKey;
  params?: Record<string, string | number>;
}

export const DEFAULT_RADIUS_METERS = 100;
const NOTES_MAX = 4000;
const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];

export function emptyDraft(siteId: string | null): ZoneDraft {
  return {
    siteId,
    name: '',
    shape: { kind: 'polygon', geometry: null },
    always: false,
    windows: [{ days: [...WEEKDAYS], from: '09:00', to: '17:00' }],
    exceptions: undefined,
    timezone: DEFAULT_TIMEZONE,
    validFrom: '',
    validUntil: '',
    notes: '',
    reviewBy: reviewDateAhead(stockholmDay(new Date())),
    clauses: [],
    termsText: '',
  };
}

/**
 * The hours a new zone starts from: the site's opening hours when the site has them as a schedule (zones are
 * mostly agreed for opening hours), with its closed days and changed hours; weekdays 09–17 otherwise.
 */
export function hoursFromSite(
  site: Pick<ListedSite, 'properties'> | undefined,
): Pick<ZoneDraft, 'always' | 'windows' | 'exceptions' | 'timezone'> {
  const opening = site?.properties.openingSchedule;
  if (!opening || opening.windows.length === 0) {
    return {
      always: false,
      windows: [{ days: [...WEEKDAYS], from: '09:00', to: '17:00' }],
      exceptions: undefined,
      timezone: DEFAULT_TIMEZONE,
    };
  }
  return {
    always: false,
    windows: opening.windows.map((window) => ({ ...window, days: [...window.days] })),
    exceptions: opening.exceptions,
    timezone: opening.timezone,
  };
}

export function draftFromZone(zone: ZoneFeature): ZoneDraft {
  const p = zone.properties;
  return {
    siteId: p.siteId,
    name: p.name,
    shape: { kind: 'polygon', geometry: zone.geometry },
    always: p.schedule === null,
    windows: p.schedule
      ? p.schedule.windows.map((window) => ({ ...window, days: [...window.days] }))
      : [{ days: [...WEEKDAYS], from: '09:00', to: '17:00' }],
    exceptions: p.schedule?.exceptions,
    timezone: p.schedule?.timezone ?? DEFAULT_TIMEZONE,
    validFrom: p.validFrom ? toLocalInputValue(p.validFrom) : '',
    validUntil: p.validUntil ? toLocalInputValue(p.validUntil) : '',
    notes: p.notes ?? '',
    reviewBy: p.reviewBy ?? '',
    clauses: [...(p.terms?.clauses ?? [])],
    termsText: p.terms?.text ?? '',
  };
}

export function scheduleOf(draft: ZoneDraft): Schedule | null {
  if (draft.always) return null;
  const schedule: Schedule = {
    timezone: draft.timezone,
    windows: draft.windows.map(({ days, from, to }) => ({ days: [...days].sort((a, b) => a - b), from, to })),
  };
  if (draft.exceptions?.length) schedule.exceptions = draft.exceptions;
  return schedule;
}

const instantOf = (local: string) => (local ? fromLocalInputValue(local) : null);

function shapeFields(shape: ShapeDraft): Pick<CreateZoneRequest, 'geometry' | 'radiusMeters'> {
  return shape.kind === 'circle'
    ? { radiusMeters: shape.radiusMeters }
    : { geometry: shape.geometry ?? undefined };
}

export function toCreateRequest(draft: ZoneDraft): CreateZoneRequest {
  return {
    siteId: draft.siteId ?? '',
    name: draft.name,
    ...shapeFields(draft.shape),
    schedule: scheduleOf(draft),
    validFrom: instantOf(draft.validFrom),
    validUntil: instantOf(draft.validUntil),
    notes: draft.notes === '' ? null : draft.notes,
    reviewBy: draft.reviewBy === '' ? null : draft.reviewBy,
    terms: { clauses: draft.clauses, text: draft.termsText },
  };
}

export function toUpdateRequest(draft: ZoneDraft, version: number): UpdateZoneRequest {
  const { siteId: _siteId, ...fields } = toCreateRequest(draft);
  return { version, ...fields };
}

/** Everything wrong with the draft that the api would refuse, found before sending. */
export function validateDraft(draft: ZoneDraft, site: ListedSite | undefined): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.siteId || !site) problems.push({ field: 'site', message: 'zoneForm.error.site' });

  const name = checkText(draft.name, 'name', { min: 1, max: MAX_NAME_LENGTH });
  if (name.length > 0)
    problems.push({ field: 'name', message: 'zoneForm.error.name', params: { max: MAX_NAME_LENGTH } });

  problems.push(...shapeProblems(draft.shape, site));

  if (!draft.always) {
    if (draft.windows.length === 0) problems.push({ field: 'schedule', message: 'zoneForm.error.noWindows' });
    else if (draft.windows.some((window) => window.days.length === 0))
      problems.push({ field: 'schedule', message: 'zoneForm.error.noDays' });
    else if (draft.windows.some((window) => window.from === window.to))
      problems.push({ field: 'schedule', message: 'zoneForm.error.emptyWindow' });
    else {
      if (validateSchedule(scheduleOf(draft)).length > 0)
        problems.push({ field: 'schedule', message: 'zoneForm.error.schedule' });
    }
  }

  const from = instantOf(draft.validFrom);
  const until = instantOf(draft.validUntil);
  if ((draft.validFrom && !from) || (draft.validUntil && !until))
    problems.push({ field: 'validity', message: 'zoneForm.error.validityFormat' });
  else if (from && until && Date.parse(until) <= Date.parse(from))
    problems.push({ field: 'validity', message: 'zoneForm.error.validityOrder' });

  if (checkText(draft.notes, 'notes', { min: 0, max: NOTES_MAX }).length > 0) {
    problems.push({ field: 'notes', message: 'zoneForm.error.notes', params: { max: NOTES_MAX } });
  }
  if (draft.reviewBy !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(draft.reviewBy)) {
    problems.push({ field: 'reviewBy', message: 'zoneForm.error.reviewBy' });
  }
  if (checkText(draft.termsText, 'terms.text', { min: 0, max: ZONE_TERMS_LIMITS.maxText }).length > 0) {
    problems.push({ field: 'terms', message: 'zoneForm.error.termsText', params: { max: ZONE_TERMS_LIMITS.maxText } });
  }
  return problems;
}

function shapeProblems(shape: ShapeDraft, site: ListedSite | undefined): DraftProblem[] {
  if (shape.kind === 'circle') {
    const { radiusMeters } = shape;
    const ok =
      Number.isFinite(radiusMeters) &&
      radiusMeters >= ZONE_LIMITS.minRadiusMeters &&
      radiusMeters <= ZONE_LIMITS.maxRadiusMeters;
    return ok
      ? []
      : [
          {
            field: 'shape',
            message: 'zoneForm.error.radius',
            params: { min: ZONE_LIMITS.minRadiusMeters, max: ZONE_LIMITS.maxRadiusMeters },
          },
        ];
  }
  if (!shape.geometry) return [{ field: 'shape', message: 'zoneForm.error.noShape' }];
  if (validateZoneGeometry(shape.geometry).length > 0)
    return [{ field: 'shape', message: 'zoneForm.error.geometry' }];
  const area = areaSquareMeters(shape.geometry);
  if (area > ZONE_LIMITS.maxAreaSquareMeters) {
    return [
      {
        field: 'shape',
        message: 'zoneForm.error.area',
        params: { km2: ZONE_LIMITS.maxAreaSquareMeters / 1_000_000 },
      },
    ];
  }
  if (site) {
    const [lng, lat] = site.geometry.coordinates;
    if (distanceToGeometry({ lng, lat }, shape.geometry) > ZONE_LIMITS.maxDistanceFromSiteMeters) {
      return [
        {
          field: 'shape',
          message: 'zoneForm.error.farFromSite',
          params: { km: ZONE_LIMITS.maxDistanceFromSiteMeters / 1000 },
        },
      ];
    }
  }
  return [];
}
