import type { User } from './people';

// Who sees, organises and presents a meeting. Pure rules, so the api's services and gateway, the web app
// (which buttons to show) and the unit tests share them. Each `…Problem` function answers null when allowed, else the reason (the 403's message).
//
// - Seeing: members of the participating organisations, coordinators and admins (others get 404).
// - Taking part (adding agenda items, writing minutes, marking one's own actions done): whoever sees it.
// - Organising (creating, editing the meeting, ordering and editing the agenda, recording decisions and
//   actions): coordinators, admins, and signatories of a participating organisation, who speak for it.
// - Presenting: see presentProblem.

export type MeetingViewer = Pick<User, 'id' | 'role' | 'organisationId' | 'canSign'>;

/** Coordinators and admins see every meeting. */
export function seesEveryMeeting(user: Pick<User, 'role'>): boolean {
  return user.role === 'coordinator' || user.role === 'admin';
}

export function canSeeMeeting(user: MeetingViewer, organisationIds: readonly string[]): boolean {
  return seesEveryMeeting(user) || organisationIds.includes(user.organisationId);
}

export function organiseProblem(user: MeetingViewer, organisationIds: readonly string[]): string | null {
  if (seesEveryMeeting(user)) return null;
  if (user.canSign && organisationIds.includes(user.organisationId)) return null;
  return 'Only coordinators, admins and signatories of a participating organisation organise a meeting';
}

/**
 * Creating a meeting, or changing its organisations: a signatory must keep their own organisation in it
 * (else they would lose sight of the meeting they organise). Answers the field and reason for a 400.
 */
export function organisationsProblem(user: MeetingViewer, organisationIds: readonly string[]): string | null {
  if (seesEveryMeeting(user) || organisationIds.includes(user.organisationId)) return null;
  return 'must include your own organisation';
}

/**
 * Taking an organisation out of a meeting (it loses sight of the meeting and its channel): only the meeting's
 * organiser (who made it), a coordinator or admin, or that organisation itself (one of its signatories leaving);
 * never another participant.
 */
export function removeOrganisationProblem(
  user: MeetingViewer,
  meeting: { createdBy: string | null },
  organisationId: string,
): string | null {
  if (seesEveryMeeting(user) || meeting.createdBy === user.id || organisationId === user.organisationId)
    return null;
  return "Only the meeting's organiser, a coordinator or the organisation itself takes an organisation out of a meeting";
}

export interface PresenterState {
  organisationIds: readonly string[];
  presenterId: string | null;
}

/**
 * Whether `user` may make `target` the presenter (null: nobody presents).
 * - A coordinator or admin may at any time.
 * - The current presenter may hand the role to anyone or give it up.
 * - A signatory of a participating organisation may take it when nobody presents, or when the presenter has no
 *   connection in the meeting (they left without handing over).
 */
export function presentProblem(
  user: MeetingViewer,
  meeting: PresenterState,
  target: string | null,
  presenterConnected: boolean,
): string | null {
  if (seesEveryMeeting(user)) return null;
  if (meeting.presenterId === user.id) return null;
  if (target === user.id && organiseProblem(user, meeting.organisationIds) === null) {
    if (meeting.presenterId === null || !presenterConnected) return null;
    return 'Someone else presents: they hand the role over, or a coordinator takes it';
  }
  return 'Only a coordinator, or the current presenter handing over, may change who presents';
}

/** An action's owner must be able to see the meeting: a member of a participating organisation, or a coordinator. */
export function ownerProblem(
  owner: { role: string; organisationId: string; disabled: boolean },
  organisationIds: readonly string[],
): string | null {
  if (owner.disabled) return 'names a disabled user';
  if (owner.role === 'coordinator' || organisationIds.includes(owner.organisationId)) return null;
  return 'must be a member of a participating organisation or a coordinator';
}
