import type { SiteFeature, ZoneFeature } from '@samverkan/contracts';

/**
 * Application events (through @nestjs/event-emitter) that let one feature react to another without
 * knowing it: the zones module emits `zone.changed`, the messaging gateway pushes `zone:updated`.
 * Emitted after the change's transaction has committed.
 */
export const DOMAIN_EVENTS = {
  siteChanged: 'site.changed',
  zoneChanged: 'zone.changed',
} as const;

export type ChangeKind = 'created' | 'updated' | 'deleted';

export interface SiteChangedEvent {
  change: ChangeKind;
  site: SiteFeature;
  actorId: string | null;
}

export interface ZoneChangedEvent {
  change: ChangeKind;
  zone: ZoneFeature;
  /** The organisation that owns the zone's site: it decides who may see the zone's channel. */
  organisationId: string;
  actorId: string | null;
}
