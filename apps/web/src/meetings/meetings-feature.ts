import type { User } from '@samverkan/contracts';
import { organiseProblem } from '@samverkan/contracts';
import type { ApiFetch } from '../api/api-client';
import { useServices } from '../app/services';
import { createMeetingsApi, type MeetingsApi } from './meetings-api';

const apis = new WeakMap<ApiFetch, MeetingsApi>();

/** One meetings api per api client (the app makes one), made on first use. */
export function meetingsApi(apiFetch: ApiFetch): MeetingsApi {
  let api = apis.get(apiFetch);
  if (!api) apis.set(apiFetch, (api = createMeetingsApi(apiFetch)));
  return api;
}

export function useMeetingsApi(): MeetingsApi {
  return meetingsApi(useServices().apiFetch);
}

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
