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
}
