import type { User } from '@samverkan/contracts';
import { organiseProblem } from '@samverkan/contracts';
import { defineFeature } from '../session/feature-registry';
import { createMeetingsApi } from './meetings-api';

/** The meetings api of the signed-in session. */
export const meetingsApiFeature = defineFeature('meetings', ({ apiFetch }) => createMeetingsApi(apiFetch));

/**
 * Who may call a meeting: whoever may organise one with their own organisation in it (coordinators, admins and
 * signatories), the api's rule in libs/contracts.
 */
export function canCreateMeetings(user: User): boolean {
  return organiseProblem(user, [user.organisationId]) === null;
}

/** Who may change the meeting, its agenda's order and links, decisions and actions (the api's rule). */
export function canOrganise(user: User, meeting: { organisationIds: readonly string[] }): boolean {
  return organiseProblem(user, meeting.organisationIds) === null;
}
