export const AUDIT_ENTITIES = ['site', 'zone', 'user', 'organisation', 'message', 'guide', 'kit', 'report', 'meeting'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  entity: AuditEntity;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
  prevHash: string | null;
}

export interface AuditVerifyResponse {
  ok: boolean;
  checked: number;
  /** Extension: the first event whose hash does not match, when `ok` is false. */
  brokenAt?: string;
  /**
   * Extension: why `ok` is false. `hash`: an event's HMAC does not match its content (changed, or recomputed without
   * AUDIT_KEY); `link`: an event does not name the previous event's hash (one removed or inserted); `rewritten`: the
   * event at the anchored position is not the anchored one; `truncated`: the chain is shorter than the anchor.
   */
  problem?: AuditChainProblem;
  /** Extension: the newest anchor the chain was compared with; null before the first. */
  anchor?: AuditAnchor | null;
}

export type AuditChainProblem = 'hash' | 'link' | 'rewritten' | 'truncated';

/** Extension: the chain's length and newest hash at `at`, as written to the anchor file and the log. */
export interface AuditAnchor {
  at: string;
  count: number;
  headHash: string;
}

/** Extension: `GET /api/audit/head`, the chain's head now, for an external notary to keep. */
export interface AuditHead {
  at: string;
  count: number;
  /** null while the chain is empty. */
  headHash: string | null;
  headId: string | null;
}
