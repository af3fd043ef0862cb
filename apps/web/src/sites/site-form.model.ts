import {
  DEFAULT_TIMEZONE,
  MAX_NAME_LENGTH,
  SITE_TEXT_LIMITS,
  type CreateSiteRequest,
  type IsoWeekday,
  type Schedule,
  type ListedSite,
  type SiteType,
  type UpdateSiteRequest,
} from '@samverkan/contracts';
import { validateSchedule } from '@samverkan/geo';
import { checkText, guardIdentifyingText, isPhoneNumber } from '@samverkan/text';
import type { MessageKey } from '../i18n/dictionary';
import type { WindowDraft } from '../zones/zone-form.model';

/** The site form's fields as the user edits them. */
export interface SiteDraft {
  name: string;
  type: SiteType | '';
  /** Where the marker was put on the map (create only: an existing site moves in its own step). */
  location: { lat: number; lng: number } | null;
  address: string;
  /** The site's public phone number (the organisation's, shown as a call link); '' for none. */
  phone: string;
  /** Free text beside the schedule ("closed on public holidays"). */
  openingHours: string;
  /** Whether the site states regular hours; without them the api makes no claim about being open. */
  hasSchedule: boolean;
  windows: WindowDraft[];
  /** Kept from the site being edited: the form does not edit exceptions, and must not drop them. */
  exceptions: Schedule['exceptions'];
  timezone: string;
  description: string;
  /** The running service organisation: chosen by coordinators and admins, else the user's own. */
  organisationId: string;
}

export type SiteDraftField =
  | 'name'
  | 'type'
  | 'location'
  | 'organisation'
  | 'address'
  | 'phone'
  | 'openingHours'
  | 'schedule'
  | 'description';

export interface SiteDraftProblem {
  field: SiteDraftField;
  message: MessageKey;
  params?: Record<string, string | number>;
}

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];
const defaultWindows = (): WindowDraft[] => [{ days: [...WEEKDAYS], from: '09:00', to: '17:00' }];

export function emptySiteDraft(organisationId: string): SiteDraft {
  return {
    name: '',
    type: '',
    location: null,
    address: '',
    phone: '',
    openingHours: '',
    hasSchedule: true,
    windows: defaultWindows(),
    exceptions: undefined,
    timezone: DEFAULT_TIMEZONE,
    description: '',
    organisationId,
  };
}

export function draftFromSite(site: ListedSite): SiteDraft {
  const p = site.properties;
  const [lng, lat] = site.geometry.coordinates;
  return {
    name: p.name,
    type: p.type,
    location: { lat, lng },
    address: p.address ?? '',
    phone: p.phone ?? '',
    openingHours: p.openingHours ?? '',
    hasSchedule: p.openingSchedule !== null,
    windows: p.openingSchedule
      ? p.openingSchedule.windows.map((window) => ({ ...window, days: [...window.days] }))
      : defaultWindows(),
    exceptions: p.openingSchedule?.exceptions,
    timezone: p.openingSchedule?.timezone ?? DEFAULT_TIMEZONE,
    description: p.description ?? '',
    organisationId: p.organisationId,
  };
}

export function openingScheduleOf(draft: SiteDraft): Schedule | null {
  if (!draft.hasSchedule) return null;
  const schedule: Schedule = {
    timezone: draft.timezone,
    windows: draft.windows.map(({ days, from, to }) => ({ days: [...days].sort((a, b) => a - b), from, to })),
  };
  if (draft.exceptions?.length) schedule.exceptions = draft.exceptions;
  return schedule;
}

/** Six decimals of a degree are about 10 cm: more would only claim a precision a click does not have. */
const rounded = (degrees: number) => Math.round(degrees * 1e6) / 1e6;
const textOrNull = (text: string) => (text === '' ? null : text);

export function toCreateSiteRequest(draft: SiteDraft, withOrganisation: boolean): CreateSiteRequest {
  const location = draft.location ?? { lat: 0, lng: 0 };
  return {
    name: draft.name,
    type: draft.type as SiteType,
    location: { type: 'Point', coordinates: [rounded(location.lng), rounded(location.lat)] },
    address: textOrNull(draft.address),
    phone: textOrNull(draft.phone.trim()),
    openingHours: textOrNull(draft.openingHours),
    openingSchedule: openingScheduleOf(draft),
    description: textOrNull(draft.description),
    ...(withOrganisation ? { organisationId: draft.organisationId } : {}),
  };
}

/** Only what the form edits; the location changes by moving the site, so an edit never moves it by accident. */
export function toUpdateSiteRequest(draft: SiteDraft, site: ListedSite): UpdateSiteRequest {
  const { location: _location, ...fields } = toCreateSiteRequest(draft, false);
  const handedOver = draft.organisationId !== site.properties.organisationId;
  return {
    version: site.properties.version,
    ...fields,
    ...(handedOver ? { organisationId: draft.organisationId } : {}),
  };
}

/** Everything wrong with the draft that the api would refuse, found before sending. */
export function validateSiteDraft(draft: SiteDraft, mode: 'create' | 'edit'): SiteDraftProblem[] {
  const problems: SiteDraftProblem[] = [];
  if (checkText(draft.name, 'name', { min: 1, max: MAX_NAME_LENGTH }).length > 0)
    problems.push({ field: 'name', message: 'siteForm.error.name', params: { max: MAX_NAME_LENGTH } });
  if (draft.type === '') problems.push({ field: 'type', message: 'siteForm.error.type' });
  if (mode === 'create' && !draft.location)
    problems.push({ field: 'location', message: 'siteForm.error.location' });
  if (!draft.organisationId) problems.push({ field: 'organisation', message: 'siteForm.error.organisation' });
  if (checkText(draft.address, 'address', SITE_TEXT_LIMITS.address).length > 0)
    problems.push({
      field: 'address',
      message: 'siteForm.error.tooLong',
      params: { max: SITE_TEXT_LIMITS.address.max },
    });
  if (draft.phone.trim() !== '' && !isPhoneNumber(draft.phone.trim()))
    problems.push({ field: 'phone', message: 'error.reason.not_a_phone_number' });
  if (checkText(draft.openingHours, 'openingHours', SITE_TEXT_LIMITS.openingHours).length > 0)
    problems.push({
      field: 'openingHours',
      message: 'siteForm.error.tooLong',
      params: { max: SITE_TEXT_LIMITS.openingHours.max },
    });
  if (draft.hasSchedule) {
    if (draft.windows.length === 0) problems.push({ field: 'schedule', message: 'siteForm.error.noWindows' });
    else if (draft.windows.some((window) => window.days.length === 0))
      problems.push({ field: 'schedule', message: 'zoneForm.error.noDays' });
    else if (draft.windows.some((window) => window.from === window.to))
      problems.push({ field: 'schedule', message: 'zoneForm.error.emptyWindow' });
    else if (validateSchedule(openingScheduleOf(draft)).length > 0)
      problems.push({ field: 'schedule', message: 'siteForm.error.schedule' });
  }
  if (checkText(draft.description, 'description', SITE_TEXT_LIMITS.description).length > 0)
    problems.push({
      field: 'description',
      message: 'siteForm.error.tooLong',
      params: { max: SITE_TEXT_LIMITS.description.max },
    });
  // The api refuses it too; the hint under the box has already said what was found.
  else if (guardIdentifyingText(draft.description, 'record').refused.length > 0)
    problems.push({ field: 'description', message: 'siteForm.error.identifying' });
  return problems;
}
