import type { User } from '@samverkan/contracts';
import { seesEveryMeeting, organiseProblem } from '@samverkan/contracts';
import { defineFeature } from '../session/feature-registry';
import { createMeetingsApi } from './meetings-api';

/** The meetings api of the signed-in session. */
export const meetingsApiFeature = defineFeature('meetings', ({ apiFetch }) => createMeetingsApi(apiFetch));

/** Who may call a meeting: coordinators, admins and signatories (who must keep their own organisation in it). */
export function canCreateMeetings(user: Pick<User, 'role' | 'canSign'>): boolean {
  return seesEveryMeeting(user) || user.canSign;
}

/** Who may change the meeting, its agenda's order and links, decisions and actions (the api's rule). */
export function canOrganise(user: User, meeting: { organisationIds: readonly string[] }): boolean {
  return organiseProblem(user, meeting.organisationIds) === null;
}
