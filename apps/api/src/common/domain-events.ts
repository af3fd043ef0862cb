import type { AlertState, ApprovalSide, EscalationPolicyInput, Message, SiteFeature, ZoneFeature } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';

/**
 * Application events that let one feature react to another without knowing it: the zones module raises
 * `zone.changed` in its transaction (UnitOfWork, database/transaction-events.ts); messaging makes the zone's
 * channel in that transaction and, once it committed, realtime pushes `zone:updated`.
 */
export const DOMAIN_EVENTS = {
  siteChanged: 'site.changed',
  zoneChanged: 'zone.changed',
  /** A meeting was made, renamed or given other organisations: its channel follows, in the same transaction. */
  meetingChanged: 'meeting.changed',
  /** A zone was suspended: its channel gets a notice, the other side's signatories an alert. */
  zoneSuspended: 'zone.suspended',
  /** A suspension ran out and the agreed version applies again: the zone's channel gets a notice. */
  zoneSuspensionEnded: 'zone.suspension-ended',
  /** A zone's review date comes near (30 or 7 days) or is here or past: the zone's channel gets a notice, once per stage. */
  zoneReviewDue: 'zone.review-due',
  /** A new version of a zone was proposed: the zone's channel is told whose signatures it awaits. */
  zoneProposed: 'zone.proposed',
  /** A notice from the system for the joint channel (posted once per `key`). */
  jointChannelNotice: 'messaging.joint-notice',
  /** An urgent message was stored (after its commit): every member of its channel but the author gets a push. */
  alertStored: 'messaging.alert-stored',
  /** A message in a direct channel was stored (after its commit): the other person gets a push if not connected. */
  directMessageStored: 'messaging.direct-message-stored',
  /**
   * An escalation step of an unacknowledged alert fired (raised by messaging's escalation engine; after its commit
   * open apps get `alert` again and closed apps a push), each target told, member of the channel or not.
   */
  alertEscalated: 'alert.escalated',
  /** An escalation policy for the joint channel, taken up only when the channel follows none (the demo data's). */
  jointEscalationPolicy: 'messaging.joint-escalation-policy',
} as const;

export type ChangeKind = 'created' | 'updated' | 'deleted';

export interface SiteChangedEvent {
  change: ChangeKind;
  site: SiteFeature;
  actorId: string | null;
}

export interface MeetingChangedEvent {
  meetingId: string;
  title: string;
  /** The organisations taking part: they see the meeting's channel, besides coordinators and admins. */
  organisationIds: string[];
}

/** The answer of the in-transaction handler of `meeting.changed`: the channel the meeting remembers. */
export interface MeetingChannelReply {
  channelId: string;
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

/** A policy the joint channel should follow if it follows none yet; made once (found again by its name). */
export interface JointEscalationPolicyEvent {
  policy: EscalationPolicyInput;
}

export interface ZoneSuspensionEndedEvent {
  zone: ZoneFeature;
}

/** Emitted after the stage was claimed (zone_review_notices): `daysBefore` 30, 7 or 0; `daysLeft` negative once past. */
export interface ZoneReviewDueEvent {
  zone: ZoneFeature;
  reviewBy: string;
  daysBefore: number;
  daysLeft: number;
}

/** Emitted after a new version was committed; `approvedBy` the side that approved it with the proposal, if any. */
export interface ZoneProposedEvent {
  zone: ZoneFeature;
  actor: AuthUser;
  approvedBy: ApprovalSide | null;
}

/**
 * Who should hear of an urgent message: the socket rooms of its channel's audience (realtime/rooms.ts), or
 * `everyone` (the joint channel). The push module finds its subscribers among them.
 */
export interface AlertStoredEvent {
  message: Message;
  audience: string[] | 'everyone';
}

export interface DirectMessageStoredEvent {
  message: Message;
  /** The other person of the direct channel (never the author). */
  recipientId: string;
}

/** One escalation step: the alert again, to these users, whether or not they are members of its channel. */
export interface AlertEscalatedEvent {
  /** The urgent message, text included (targets outside the channel see it too). */
  message: Message;
  /** 1-based, across repeats, of `of` steps in all. */
  step: number;
  of: number;
  /** When the step fired (ISO 8601). */
  at: string;
  /** The enabled users the step's targets named, the author left out. */
  userIds: string[];
  /** `exhausted` after the last step, else `open`. */
  state: AlertState;
}

/**
 * Every event's payload, by name. Owners of events outside this file (auth, messaging) add theirs by declaration
 * merging beside their own types.
 */
export interface DomainEventMap {
  'site.changed': SiteChangedEvent;
  'zone.changed': ZoneChangedEvent;
  'meeting.changed': MeetingChangedEvent;
  'zone.suspended': ZoneSuspendedEvent;
  'zone.suspension-ended': ZoneSuspensionEndedEvent;
  'zone.review-due': ZoneReviewDueEvent;
  'zone.proposed': ZoneProposedEvent;
  'messaging.joint-notice': JointChannelNoticeEvent;
  'messaging.alert-stored': AlertStoredEvent;
  'messaging.direct-message-stored': DirectMessageStoredEvent;
  'alert.escalated': AlertEscalatedEvent;
  'messaging.joint-escalation-policy': JointEscalationPolicyEvent;
}

export type DomainEventName = keyof DomainEventMap;

/** What in-transaction handlers answer, for the events that expect an answer. */
export interface DomainEventReplies {
  'meeting.changed': MeetingChannelReply;
}

export type DomainEventReply<E extends DomainEventName> = E extends keyof DomainEventReplies
  ? DomainEventReplies[E]
  : void;
