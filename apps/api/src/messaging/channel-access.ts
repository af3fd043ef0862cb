import type { ChannelKind, Role } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ROOMS } from '../realtime/rooms';

/**
 * Who may see a channel (its history, joining, sending, read receipts and alerts):
 * - `joint`: everyone;
 * - `site`, `zone`: the organisation that owns the site, every police organisation, coordinators and admins;
 * - `meeting`: the organisations the meetings module lists for it, coordinators and admins;
 * - `direct`: its two users only.
 * Written once as SQL (CAN_SEE_CHANNEL) for the queries and once as socket rooms (channelAudience) for pushes.
 */

/** Coordinators and admins see every site, zone and meeting channel (never others' direct channels). */
const SEES_ALL_ROLES: readonly Role[] = ['coordinator', 'admin'];

export function seesAllSharedChannels(user: Pick<AuthUser, 'role'>): boolean {
  return SEES_ALL_ROLES.includes(user.role);
}

/** The viewer as the first four parameters of every query that uses CAN_SEE_CHANNEL. */
export function viewerParams(
  user: Pick<AuthUser, 'id' | 'organisationId' | 'role' | 'organisationKind'>,
): unknown[] {
  return [user.id, user.organisationId, seesAllSharedChannels(user), user.organisationKind === 'police'];
}

/** The number of parameters viewerParams takes: a query's own parameters start at $5. */
export const VIEWER_PARAM_COUNT = 4;

/** SQL expressions for the viewer in a visibility predicate: parameters, or columns of a batch's rows. */
export interface ViewerSql {
  id: string;
  organisationId: string;
  seesAll: string;
  police: string;
}

/** True when the viewer may see channel `c`: the one rule, written for any source of the viewer's facts. */
export function canSeeChannel(viewer: ViewerSql): string {
  return `(
  c.kind = 'joint'
  OR (c.kind IN ('site', 'zone') AND (${viewer.seesAll} OR ${viewer.police} OR c.organisation_id = ${viewer.organisationId}))
  OR (c.kind = 'meeting' AND (${viewer.seesAll} OR EXISTS (
    SELECT 1 FROM channel_organisations co WHERE co.channel_id = c.id AND co.organisation_id = ${viewer.organisationId})))
  OR (c.kind = 'direct' AND ${viewer.id} IN (c.direct_user_low, c.direct_user_high))
)`;
}

/** True when the viewer ($1 user id, $2 organisation id, $3 sees all, $4 police) may see channel `c`. */
export const CAN_SEE_CHANNEL = canSeeChannel({
  id: '$1::uuid',
  organisationId: '$2::uuid',
  seesAll: '$3::boolean',
  police: '$4::boolean',
});

/** What decides who sees a channel. */
export interface ChannelAudienceFacts {
  kind: ChannelKind;
  organisationId: string | null;
  directUserIds: [string, string] | null;
  /** Meeting channels: the organisations that may see it. */
  organisationIds: string[];
}

/** The rooms that hold exactly the connections allowed to see the channel; `everyone` for the joint channel. */
export function channelAudience(channel: ChannelAudienceFacts): string[] | 'everyone' {
  switch (channel.kind) {
    case 'joint':
      return 'everyone';
    case 'site':
    case 'zone':
      return [
        ...(channel.organisationId ? [ROOMS.organisation(channel.organisationId)] : []),
        ROOMS.police,
        ROOMS.seesAll,
      ];
    case 'meeting':
      return [...channel.organisationIds.map(ROOMS.organisation), ROOMS.seesAll];
    case 'direct':
      return (channel.directUserIds ?? []).map(ROOMS.user);
  }
}
