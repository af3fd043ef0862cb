import { ApiError } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** false for the calls made before sign-in, which must not send a token nor sign anyone out. */
  auth?: boolean;
  /** `text`: the body as it is (an export), not parsed as JSON. */
  read?: 'json' | 'text';
  /** `no-store`: neither the request nor its answer goes into the browser's HTTP cache (the zone check's position). */
  cache?: RequestCache;
  /**
   * Sent instead of the session's current token: the sign-out's own request, made after this tab has already
   * forgotten the session. A 401 on it signs nobody out.
   */
  token?: string;
  /** The request outlives the page (a sign-out followed at once by closing the tab). */
  keepalive?: boolean;
}

export interface ApiCredentials {
  token(): string | null;
  /** A request sent with `token` got 401: the token no longer works. */
  unauthorized(token: string): void;
}

export type ApiFetch = <T>(path: string, request?: ApiRequest) => Promise<T>;

/**
 * A thin typed wrapper around `fetch` for `/api/...`: adds the bearer token, sends and reads JSON, and turns
 * every failure into an ApiError. A 401 on an authenticated call signs the user out.
 */
export function createApiFetch(
  credentials: ApiCredentials,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): ApiFetch {
  return async <T>(path: string, request: ApiRequest = {}): Promise<T> => {
    const { method = 'GET', body, signal, auth = true, read = 'json', cache, keepalive } = request;
    const headers: Record<string, string> = { Accept: read === 'text' ? '*/*' : 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = auth && request.token === undefined ? credentials.token() : null;
    const sentToken = request.token ?? token;
    if (sentToken) headers.Authorization = `Bearer ${sentToken}`;

    let response: Response;
    try {
      response = await fetchImpl(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        credentials: 'omit',
        ...(cache ? { cache } : {}),
        ...(keepalive ? { keepalive } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw ApiError.network(error);
    }

    if (!response.ok) {
      const error = await ApiError.fromResponse(response);
      if (response.status === 401 && token) credentials.unauthorized(token);
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (read === 'text') return text as T;
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
