import type { ErrorDetail } from '@samverkan/contracts';
import type { ApiFetch, ApiRequest } from '../api/api-client';
import { ApiError } from '../api/api-error';

// For unit tests of the stores: an ApiFetch that answers only the requests a test lists, in order, and
// fails the test on any other one (a strict mock), recording every call.

export interface ExpectedCall {
  method?: string;
  /** The path with its query, exactly. */
  path: string;
  body?: unknown;
  /** The answer, or an ApiError to throw. */
  answer?: unknown;
}

export function apiErrorOf(
  status: number,
  message = `HTTP ${status}`,
  details: ErrorDetail[] = [],
): ApiError {
  return status === 0
    ? ApiError.network(new TypeError('Failed to fetch'))
    : new ApiError(status, `HTTP ${status}`, message, details);
}

export function fakeApiFetch(expected: ExpectedCall[]) {
  const queue = [...expected];
  const calls: { method: string; path: string; body: unknown }[] = [];
  const apiFetch = (async (path: string, request: ApiRequest = {}) => {
    const method = request.method ?? 'GET';
    calls.push({ method, path, body: request.body });
    const next = queue.shift();
    if (!next) throw new Error(`Unexpected request ${method} ${path}`);
    if ((next.method ?? 'GET') !== method || next.path !== path) {
      throw new Error(`Expected ${next.method ?? 'GET'} ${next.path}, got ${method} ${path}`);
    }
    if (next.body !== undefined) expect(request.body).toEqual(next.body);
    if (next.answer instanceof ApiError) throw next.answer;
    return next.answer;
  }) as ApiFetch;
  return { apiFetch, calls, remaining: () => queue.length };
}
