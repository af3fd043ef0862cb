import {
  IDENTIFYING_KINDS,
  type ErrorDetail,
  type ErrorResponse,
  type IdentifyingKind,
} from '@samverkan/contracts';
import { describeIdentifyingKinds } from '@samverkan/text';
import type { Language } from '../i18n/dictionary';
import type { Translate } from '../i18n/i18n';

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

/**
 * What to tell the user about a failed call: the api's own message for a 4xx, else a generic text. The identity
 * guard's refusal is put in the user's language from its reason code (the api's message is English).
 */
export function apiErrorText(error: unknown, t: Translate, language?: Language): string {
  if (error instanceof ApiError) {
    if (error.isNetworkError) return t('error.network');
    const identifying = identifyingReasons(error);
    if (identifying.length > 0 && language) {
      return t('identity.refused', { kinds: describeIdentifyingKinds(identifying, language) });
    }
    if (error.status < 500) return error.message;
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
