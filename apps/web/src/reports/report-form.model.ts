import {
  REPORT_LIMITS,
  reportOccurredAtProblem,
  type CreateReportRequest,
  type ReportCategory,
} from '@samverkan/contracts';
import {
  codePointLength,
  describeIdentifyingKinds,
  findIdentifyingData,
  hasForbiddenCharacters,
} from '@samverkan/text';
import { apiErrorText, refusalText, type ApiError } from '../api/api-error';
import type { Language, MessageKey } from '../i18n/dictionary';
import { fromLocalInputValue, toLocalInputValue } from '../i18n/format';
import type { Translate } from '../i18n/i18n';

// The field report form as data: what the writer has filled in, what is wrong with it, and the request it
// becomes. The same checks the api makes run here first, so a phone on a weak connection gets the answer at
// once, and nothing identifying a person leaves the phone by mistake.

const DAY_MS = 86_400_000;

export type ReportField = 'category' | 'place' | 'occurredAt' | 'body';

export interface ReportDraft {
  category: ReportCategory | null;
  siteId: string | null;
  zoneId: string | null;
  /** `YYYY-MM-DDTHH:MM`, Stockholm wall-clock time, as the datetime-local input holds it. */
  occurredAtLocal: string;
  body: string;
}

export interface ReportProblem {
  field: ReportField;
  message: MessageKey;
  params?: Record<string, string | number>;
}

/** Where the form was opened: from a site's or a zone's panel the place is already chosen. */
export interface ReportPlace {
  siteId?: string | null;
  zoneId?: string | null;
}

export function newReportDraft(place: ReportPlace, now: Date): ReportDraft {
  return {
    category: null,
    siteId: place.siteId ?? null,
    zoneId: place.zoneId ?? null,
    occurredAtLocal: toLocalInputValue(now),
    body: '',
  };
}

/** The earliest and latest times the input offers (the api takes the last 90 days up to now). */
export function occurredAtBounds(now: Date): { min: string; max: string } {
  return {
    min: toLocalInputValue(new Date(now.getTime() - REPORT_LIMITS.maxAgeDays * DAY_MS + 60_000)),
    max: toLocalInputValue(now),
  };
}

/** The identity guard on its own, for the warning shown while the writer types. */
export function identifyingProblem(body: string, language: Language): ReportProblem | null {
  const kinds = findIdentifyingData(body);
  if (kinds.length === 0) return null;
  return {
    field: 'body',
    message: 'reports.form.error.identifying',
    params: { kinds: describeIdentifyingKinds(kinds, language) },
  };
}

/** Everything wrong with the draft, in the order of the form; empty when it can be sent. */
export function validateReportDraft(draft: ReportDraft, now: Date, language: Language): ReportProblem[] {
  const problems: ReportProblem[] = [];
  if (draft.category === null) problems.push({ field: 'category', message: 'reports.form.error.category' });

  const occurredAt = fromLocalInputValue(draft.occurredAtLocal);
  if (occurredAt === null) {
    problems.push({ field: 'occurredAt', message: 'reports.form.error.occurredAtMissing' });
  } else {
    // The api's rule (libs/contracts), so the form refuses exactly what the api would.
    const timing = reportOccurredAtProblem(new Date(occurredAt), now);
    if (timing === 'in_future') {
      problems.push({ field: 'occurredAt', message: 'reports.form.error.occurredAtFuture' });
    } else if (timing === 'too_old') {
      problems.push({
        field: 'occurredAt',
        message: 'reports.form.error.occurredAtOld',
        params: { days: REPORT_LIMITS.maxAgeDays },
      });
    }
  }

  const length = codePointLength(draft.body);
  if (draft.body.trim() === '') {
    problems.push({ field: 'body', message: 'reports.form.error.bodyMissing' });
  } else if (length > REPORT_LIMITS.maxBody) {
    problems.push({
      field: 'body',
      message: 'reports.form.error.bodyTooLong',
      params: { max: REPORT_LIMITS.maxBody, length },
    });
  } else if (hasForbiddenCharacters(draft.body)) {
    problems.push({ field: 'body', message: 'reports.form.error.bodyCharacters' });
  } else {
    const identifying = identifyingProblem(draft.body, language);
    if (identifying) problems.push(identifying);
  }
  return problems;
}

/** The request for a draft that passed `validateReportDraft`. The text is sent exactly as written. */
export function toCreateReportRequest(draft: ReportDraft): CreateReportRequest {
  if (draft.category === null) throw new Error('A report needs a category');
  const occurredAt = fromLocalInputValue(draft.occurredAtLocal);
  if (occurredAt === null) throw new Error('A report needs a valid time');
  return {
    category: draft.category,
    siteId: draft.siteId,
    zoneId: draft.zoneId,
    occurredAt,
    body: draft.body,
  };
}

/** A refusal from the api, placed on the form field it names, in the user's language (from its reason code). */
export interface ServerProblem {
  field: ReportField | null;
  message: string;
}

const SERVER_FIELDS: Record<string, ReportField> = {
  category: 'category',
  siteId: 'place',
  zoneId: 'place',
  occurredAt: 'occurredAt',
  body: 'body',
};

export function serverProblemsOf(error: ApiError, t: Translate): ServerProblem[] {
  if (error.details.length === 0) return [{ field: null, message: apiErrorText(error, t) }];
  return error.details.map((detail) => ({
    field: SERVER_FIELDS[detail.field] ?? null,
    message: refusalText(detail, t),
  }));
}
