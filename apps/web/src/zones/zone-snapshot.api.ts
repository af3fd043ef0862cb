import type { ZoneSnapshot } from '@samverkan/contracts';
import { ApiError } from '../api/api-error';
import type { SessionStore } from '../auth/session.store';

export type SnapshotReply = { status: 'unchanged' } | { status: 'changed'; snapshot: ZoneSnapshot; etag: string | null };

/** Asks for the snapshot once; `etag` makes it conditional (304: the copy on the phone is current). */
export type FetchSnapshot = (etag: string | null) => Promise<SnapshotReply>;

/**
 * `GET /api/zones/snapshot` with `If-None-Match`. Not through the app's JSON client, which hides the status and
 * headers a conditional request needs. Failures are ApiErrors, like every other call; a 401 signs out.
 */
export function snapshotFetcher(fetchImpl: typeof fetch, session: SessionStore): FetchSnapshot {
  return async (etag) => {
    const token = session.token;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (etag) headers['If-None-Match'] = etag;
    let response: Response;
    try {
      // The ETag is ours to send: the browser's own cache would answer 304s with its copy instead.
      response = await fetchImpl('/api/zones/snapshot', { headers, credentials: 'omit', cache: 'no-store' });
    } catch (error) {
      throw ApiError.network(error);
    }
    if (response.status === 304) return { status: 'unchanged' };
    if (!response.ok) {
      const error = await ApiError.fromResponse(response);
      if (response.status === 401 && token) session.expired(token);
      throw error;
    }
    return {
      status: 'changed',
      snapshot: (await response.json()) as ZoneSnapshot,
      etag: response.headers.get('ETag'),
    };
  };
}
