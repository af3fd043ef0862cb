import { createHash } from 'node:crypto';

/** A snapshot as it is served: its body, already serialised, and the strong ETag of its zones. */
export interface ServedSnapshot {
  body: string;
  etag: string;
}

/** The snapshot's two lists as the database wrote them (JSON arrays). */
export interface SnapshotJson {
  zones: string;
  suspended: string;
}

/**
 * A strong ETag over the zones' JSON, both lists: the same zones give the same tag on every instance and after a
 * restart, whenever they were read (`generatedAt` is left out, or no tag would ever match).
 */
export function snapshotEtag({ zones, suspended }: SnapshotJson): string {
  return `"${createHash('sha256').update(zones).update('\n').update(suspended).digest('base64url')}"`;
}

/** The response body, put together around the zones' JSON as the database wrote it (no parse, no re-serialise). */
export function servedSnapshot(json: SnapshotJson, generatedAt: Date): ServedSnapshot {
  return {
    body: `{"generatedAt":${JSON.stringify(generatedAt.toISOString())},"zones":${json.zones},"suspended":${json.suspended}}`,
    etag: snapshotEtag(json),
  };
}

/**
 * Whether `If-None-Match` names the current tag: a list of tags or `*`, compared weakly as RFC 9110 asks for
 * this header (a `W/` prefix a proxy added still matches).
 */
export function ifNoneMatchHolds(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
