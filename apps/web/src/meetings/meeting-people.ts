import { canSeeMeeting, ownerProblem, type DirectoryEntry, type Meeting } from '@samverkan/contracts';

export interface MeetingPerson {
  id: string;
  displayName: string;
  /** "Name (organisation)" for a list. */
  label: string;
}

type OrganisationName = (organisationId: string) => string | null;

// The directory lists active users only, hence `disabled: false` and the api's own rules below.

/** Who may own one of the meeting's actions (ownerProblem, the api's rule), by name in `language`. */
export function actionOwnerCandidates(
  meeting: Pick<Meeting, 'organisationIds'>,
  people: ReadonlyMap<string, DirectoryEntry>,
  language: string,
  organisationName: OrganisationName,
): MeetingPerson[] {
  return listed(
    people,
    (person) => ownerProblem({ ...person, disabled: false }, meeting.organisationIds) === null,
    language,
    organisationName,
  );
}

/**
 * Who the presenter may hand the role to: whoever sees the meeting, as the api checks (canSeeMeeting),
 * except the presenter themselves.
 */
export function handOverCandidates(
  meeting: Pick<Meeting, 'organisationIds'>,
  people: ReadonlyMap<string, DirectoryEntry>,
  presenterId: string | null,
  language: string,
  organisationName: OrganisationName,
): MeetingPerson[] {
  return listed(
    people,
    (person) =>
      person.id !== presenterId && canSeeMeeting({ ...person, canSign: false }, meeting.organisationIds),
    language,
    organisationName,
  );
}

function listed(
  people: ReadonlyMap<string, DirectoryEntry>,
  include: (person: DirectoryEntry) => boolean,
  language: string,
  organisationName: OrganisationName,
): MeetingPerson[] {
  return [...people.values()]
    .filter(include)
    .map((person) => {
      const organisation = organisationName(person.organisationId);
      return {
        id: person.id,
        displayName: person.displayName,
        label: organisation ? `${person.displayName} (${organisation})` : person.displayName,
      };
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName, language));
}
