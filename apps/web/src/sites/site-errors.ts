import { SITE_CONFLICT_REASONS } from '@samverkan/contracts';
import { describeIdentifyingKinds } from '@samverkan/text';
import { ApiError, identifyingReasons } from '../api/api-error';
import type { Language, MessageKey } from '../i18n/dictionary';
import type { Translate } from '../i18n/i18n';

/** The label of each field the api names in a refusal of a site change. */
const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'siteForm.name',
  type: 'siteForm.type',
  location: 'siteForm.location',
  address: 'siteForm.address',
  phone: 'siteForm.phone',
  openingHours: 'siteForm.openingHoursText',
  openingSchedule: 'siteForm.schedule',
  description: 'siteForm.description',
  organisationId: 'siteForm.organisation',
};

/** A 409 without a reason code: someone else saved a newer version first. */
export function isStaleSite(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && !error.details.some((detail) => detail.reason);
}

/** What to tell the user when a site change failed, always in their language (the api's messages are English). */
export function siteErrorText(error: unknown, t: Translate, language: Language): string {
  if (!(error instanceof ApiError)) return t('error.server');
  if (error.isNetworkError) return t('error.network');
  const reasons = new Set(error.details.map((detail) => detail.reason));
  switch (error.status) {
    case 400: {
      const identifying = identifyingReasons(error);
      if (identifying.length > 0)
        return t('identity.refused', { kinds: describeIdentifyingKinds(identifying, language) });
      const field = error.details[0]?.field.split('.')[0];
      const label = field ? FIELD_LABELS[field] : undefined;
      return label ? t('siteErrors.invalidField', { field: t(label) }) : t('siteErrors.invalid');
    }
    case 403:
      return t('siteErrors.forbidden');
    case 404:
      return t('siteErrors.gone');
    case 409:
      if (reasons.has(SITE_CONFLICT_REASONS.zonesOutOfReach)) return t('siteErrors.zonesOutOfReach');
      if (reasons.has(SITE_CONFLICT_REASONS.zonesUnderAgreement)) return t('siteErrors.zonesUnderAgreement');
      return t('siteErrors.stale');
    case 429:
      return t('error.rateLimited');
    default:
      return t('error.server');
  }
}
