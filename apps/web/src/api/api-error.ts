import {
  ERROR_REASONS,
  IDENTIFYING_KINDS,
  type ErrorDetail,
  type ErrorReason,
  type ErrorResponse,
  type IdentifyingKind,
} from '@samverkan/contracts';
import { describeIdentifyingKinds } from '@samverkan/text';
import type { Language, MessageKey } from '../i18n/dictionary';
import type { Translate } from '../i18n/i18n';
import { SocketRequestError } from './socket-client';

/** A failed api call: the contract's error body, or status 0 when the server could not be reached. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** From the `Retry-After` header of a 429. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, 'Network Error', cause instanceof Error ? cause.message : String(cause));
    return Object.assign(error, { cause });
  }

  /** Reads the error body; a body that is not the contract's JSON (a proxy's HTML page) still gives a typed error. */
  static async fromResponse(response: Response): Promise<ApiError> {
    const body = await response.json().catch(() => null);
    const retryAfter = Number(response.headers.get('Retry-After'));
    const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
    if (isErrorResponse(body)) {
      return new ApiError(response.status, body.error, body.message, body.details ?? [], retryAfterSeconds);
    }
    const text = response.statusText || `HTTP ${response.status}`;
    return new ApiError(response.status, text, text, [], retryAfterSeconds);
  }
}

/** 'network' when the server could not be reached, else 'server': the two ways a failure is shown. */
export function failureKindOf(error: unknown): 'network' | 'server' {
  return error instanceof ApiError && error.isNetworkError ? 'network' : 'server';
}

/** Every reason code the api sends, in the user's language (a new code fails to compile until it has a text). */
export const REASON_TEXTS: Record<ErrorReason, MessageKey> = {
  personal_identity_number: 'error.reason.personal_identity_number',
  phone_number: 'error.reason.phone_number',
  email_address: 'error.reason.email_address',
  too_common: 'password.error.tooCommon',
  too_guessable: 'password.error.tooGuessable',
  required: 'error.reason.required',
  unknown_field: 'error.reason.unknown_field',
  wrong_type: 'error.reason.wrong_type',
  text_length: 'error.reason.text_length',
  text_characters: 'error.reason.text_characters',
  not_one_of: 'error.reason.not_one_of',
  invalid_id: 'error.reason.invalid_id',
  invalid_time: 'error.reason.invalid_time',
  invalid_date: 'error.reason.invalid_date',
  out_of_range: 'error.reason.out_of_range',
  invalid: 'error.reason.invalid',
  unknown_reference: 'error.reason.unknown_reference',
  names_a_person: 'error.reason.names_a_person',
  ends_before_start: 'error.reason.ends_before_start',
  geometry_or_radius: 'error.reason.geometry_or_radius',
  invalid_geometry: 'error.reason.invalid_geometry',
  too_far_from_site: 'error.reason.too_far_from_site',
  area_too_large: 'error.reason.area_too_large',
  nothing_to_change: 'error.reason.nothing_to_change',
  wrong_password: 'error.reason.wrong_password',
  same_password: 'error.reason.same_password',
  mfa_required: 'error.reason.mfa_required',
  wrong_code: 'error.reason.wrong_code',
  sign_in_expired: 'error.reason.sign_in_expired',
  passkey_not_recognised: 'mfa.passkey.notRecognised',
  passkeys_unavailable: 'mfa.passkey.unavailable',
  not_a_signatory: 'error.reason.not_a_signatory',
  not_a_phone_number: 'error.reason.not_a_phone_number',
  not_in_future: 'error.reason.not_in_future',
  too_far_ahead: 'error.reason.too_far_ahead',
  already_exists: 'error.reason.already_exists',
  already_approved: 'error.reason.already_approved',
  last_administrator: 'error.reason.last_administrator',
  push_off: 'error.reason.push_off',
  not_https: 'error.reason.not_https',
  not_a_push_service: 'error.reason.not_a_push_service',
  invalid_push_key: 'error.reason.invalid_push_key',
  zones_out_of_reach: 'siteErrors.zonesOutOfReach',
  zones_under_agreement: 'siteErrors.zonesUnderAgreement',
  policy_in_use: 'error.reason.policy_in_use',
  stale_version: 'error.reason.stale_version',
};

/** The fields whose name a refusal puts before its reason; others give the reason alone. */
export const FIELD_LABELS: Record<string, MessageKey> = {
  label: 'error.field.label',
  until: 'error.field.until',
  phone: 'error.field.phone',
  batch: 'error.field.batch',
  expiresOn: 'error.field.expiresOn',
  usedAt: 'error.field.usedAt',
  name: 'error.field.name',
  title: 'error.field.title',
  body: 'error.field.body',
  text: 'error.field.text',
  notes: 'error.field.notes',
  minutes: 'error.field.minutes',
  reason: 'error.field.reason',
  description: 'error.field.description',
  address: 'error.field.address',
  openingHours: 'error.field.openingHours',
  geometry: 'error.field.geometry',
  radiusMeters: 'error.field.radiusMeters',
  schedule: 'error.field.schedule',
  validFrom: 'error.field.validFrom',
  validUntil: 'error.field.validUntil',
  occurredAt: 'error.field.occurredAt',
  category: 'error.field.category',
  startsAt: 'error.field.startsAt',
  place: 'error.field.place',
  dueDate: 'error.field.dueDate',
  email: 'error.field.email',
  displayName: 'error.field.displayName',
  password: 'error.field.password',
  newPassword: 'error.field.newPassword',
  currentPassword: 'error.field.currentPassword',
  approve: 'error.field.approve',
  role: 'error.field.role',
};

const STATUS_TEXTS: Record<number, MessageKey> = {
  401: 'error.unauthorized',
  403: 'error.forbidden',
  404: 'error.notFound',
  409: 'error.conflict',
  413: 'error.tooLarge',
  429: 'error.rateLimited',
};

const SOCKET_CODE_TEXTS: Record<string, MessageKey> = {
  bad_request: 'error.badRequest',
  unauthorized: 'error.unauthorized',
  forbidden: 'error.forbidden',
  not_found: 'error.notFound',
  conflict: 'error.conflict',
  rate_limited: 'error.rateLimited',
  not_connected: 'error.network',
  timeout: 'error.network',
  unavailable: 'error.network',
};

function isErrorReason(value: unknown): value is ErrorReason {
  return (ERROR_REASONS as readonly unknown[]).includes(value);
}

/**
 * One refused field in the user's language: its label (when the app names that field) and the reason from its
 * code. A reason this app does not know yet reads as "not valid", never as the api's English.
 */
export function refusalText(detail: Pick<ErrorDetail, 'field' | 'reason'>, t: Translate): string {
  const text = t(isErrorReason(detail.reason) ? REASON_TEXTS[detail.reason] : 'error.reason.invalid');
  // `geometry.coordinates[0][1]` is about the geometry.
  const label = FIELD_LABELS[detail.field.split(/[.[]/)[0]];
  return label ? t('error.withField', { field: t(label), text }) : text;
}

/** Every refusal in a 400's details in the user's language, each once (several coordinates may share a reason). */
export function refusalTexts(error: ApiError, t: Translate): string[] {
  if (error.details.length === 0) return [apiErrorText(error, t)];
  return [...new Set(error.details.map((detail) => refusalText(detail, t)))];
}

/**
 * What to tell the user about a failed api call or socket event, always in their language: a refusal from its
 * field and reason codes, other failures by their status or code. The api's English message is never shown.
 */
export function apiErrorText(error: unknown, t: Translate, language?: Language): string {
  if (error instanceof ApiError) {
    if (error.isNetworkError) return t('error.network');
    const identifying = identifyingReasons(error);
    if (identifying.length > 0 && language) {
      return t('identity.refused', { kinds: describeIdentifyingKinds(identifying, language) });
    }
    const reasoned = error.details.find((candidate) => candidate.reason);
    // A refusal with a reason says why in words, whatever its status (a 403 may name one too).
    if (reasoned && error.status < 500) return refusalText(reasoned, t);
    if (error.status === 400 || error.status === 422) {
      return error.details[0] ? refusalText(error.details[0], t) : t('error.badRequest');
    }
    if (error.status < 500) return t(STATUS_TEXTS[error.status] ?? 'error.badRequest');
  }
  if (error instanceof SocketRequestError) {
    if (error.code === 'bad_request' && error.reason)
      return refusalText({ field: error.field ?? '', reason: error.reason }, t);
    return t(SOCKET_CODE_TEXTS[error.code] ?? 'error.server');
  }
  return t('error.server');
}

/** The kinds the identity guard refused, from a 400's details. */
export function identifyingReasons(error: ApiError): IdentifyingKind[] {
  if (error.status !== 400) return [];
  const reasons = new Set(error.details.map((detail) => detail.reason));
  return IDENTIFYING_KINDS.filter((kind) => reasons.has(kind));
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  const candidate = body as Partial<ErrorResponse> | null;
  return typeof candidate?.message === 'string' && typeof candidate.error === 'string';
}

/**
 * A socket failure kept as its code (a reason code, or the ack's error code), e.g. in the chat outbox, in the
 * user's language. An unknown or missing code reads as a server fault.
 */
export function socketFailureText(code: string | null, t: Translate): string {
  if (isErrorReason(code)) return t(REASON_TEXTS[code]);
  return t((code && SOCKET_CODE_TEXTS[code]) || 'error.server');
}
