import type { DirectoryEntry, Meeting } from '@samverkan/contracts';

export interface MeetingPerson {
  id: string;
  displayName: string;
  /** "Name (role)" for a list. */
  label: string;
}

/**
 * The people who may own a meeting's action (members of its organisations and coordinators: the api's
 * rule), by name. `exceptId`: leave one out (the presenter handing over).
 */
export function meetingParticipants(
  meeting: Pick<Meeting, 'organisationIds'>,
  people: ReadonlyMap<string, DirectoryEntry>,
  exceptId: string | null = null,
  organisationName: (organisationId: string) => string | null = () => null,
): MeetingPerson[] {
  return [...people.values()]
    .filter(
      (person) =>
        person.id !== exceptId &&
        (person.role === 'coordinator' || meeting.organisationIds.includes(person.organisationId)),
    )
    .map((person) => {
      const organisation = organisationName(person.organisationId);
      return {
        id: person.id,
        displayName: person.displayName,
        label: organisation ? `${person.displayName} (${organisation})` : person.displayName,
      };
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'));
}
