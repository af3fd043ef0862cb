import { createHash, createHmac } from 'node:crypto';
import type { AuditEvent } from '@samverkan/contracts';
import { canonicalJson } from './canonical-json';

export type AuditEventContent = Omit<AuditEvent, 'hash'>;

function hashedContent(event: AuditEventContent): string {
  return canonicalJson({
    id: event.id,
    at: event.at,
    actorId: event.actorId,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    before: event.before,
    after: event.after,
    prevHash: event.prevHash,
  });
}

/**
 * An event's hash: an HMAC-SHA-256 of its canonical content and the previous hash, keyed with AUDIT_KEY, which the
 * database never holds. Whoever can write the database can still change rows, but cannot make a chain that verifies.
 */
export function keyedEventHash(key: string, event: AuditEventContent): string {
  return createHmac('sha256', key).update(hashedContent(event)).digest('hex');
}

/** How events were hashed before AUDIT_KEY (anyone could recompute it); only read to re-key such a chain once. */
export function legacyEventHash(event: AuditEventContent): string {
  return createHash('sha256').update(hashedContent(event)).digest('hex');
}
