import type { SiteFeature, ZoneFeature } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';

/**
 * Application events (through @nestjs/event-emitter) that let one feature react to another without
 * knowing it: the zones module emits `zone.changed`, the messaging gateway pushes `zone:updated`.
 * Emitted after the change's transaction has committed.
 */
export const DOMAIN_EVENTS = {
  siteChanged: 'site.changed',
  zoneChanged: 'zone.changed',
  /** A zone was suspended: its channel gets a notice, the other side's signatories an alert. */
  zoneSuspended: 'zone.suspended',
  /** A suspension ran out and the agreed version applies again: the zone's channel gets a notice. */
  zoneSuspensionEnded: 'zone.suspension-ended',
  /** A notice from the system for the joint channel (posted once per `key`). */
  jointChannelNotice: 'messaging.joint-notice',
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

/**
 * A system notice to post on the joint channel (e.g. naloxone kits about to expire). The handler posts it
 * once per `key`: the same key again (another instance, a rerun of a daily job) adds nothing.
 */
export interface JointChannelNoticeEvent {
  body: string;
  key: string;
}

/** Emitted after the suspension committed; `zone.properties.suspension` says by whom, since when, why, until when. */
export interface ZoneSuspendedEvent {
  zone: ZoneFeature;
  actor: AuthUser;
  /** The organisations of the other side of the agreement, whose signatories get an alert. */
  alertOrganisationIds: string[];
}

export interface ZoneSuspensionEndedEvent {
  zone: ZoneFeature;
}
