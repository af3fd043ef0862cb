import type { DirectoryEntry } from '@samverkan/contracts';
import { actionOwnerCandidates, handOverCandidates } from './meeting-people';

const POLICE = 'org-police';
const SERVICE = 'org-service';
const OTHER = 'org-other';

const people = new Map<string, DirectoryEntry>(
  (
    [
      { id: 'u-olle', displayName: 'Olle', role: 'police', organisationId: POLICE },
      { id: 'u-asa', displayName: 'Åsa', role: 'service', organisationId: SERVICE },
      { id: 'u-ada', displayName: 'Ada', role: 'admin', organisationId: OTHER },
      { id: 'u-cecilia', displayName: 'Cecilia', role: 'coordinator', organisationId: OTHER },
      { id: 'u-zed', displayName: 'Zed', role: 'service', organisationId: OTHER },
    ] satisfies DirectoryEntry[]
  ).map((person) => [person.id, person]),
);
const meeting = { organisationIds: [POLICE, SERVICE] };
const names = (organisationId: string) => (organisationId === POLICE ? 'Polisen' : null);

describe('the people of a meeting', () => {
  it('offers as action owners the members of its organisations and coordinators, as the api allows', () => {
    const owners = actionOwnerCandidates(meeting, people, 'sv', names);
    expect(owners.map((person) => person.displayName)).toEqual(['Cecilia', 'Olle', 'Åsa']);
    expect(owners.find((person) => person.id === 'u-olle')?.label).toBe('Olle (Polisen)');
  });

  it('offers presenting to everyone who sees the meeting (admins too), but not the presenter', () => {
    const candidates = handOverCandidates(meeting, people, 'u-olle', 'sv', names);
    expect(candidates.map((person) => person.displayName)).toEqual(['Ada', 'Cecilia', 'Åsa']);
  });

  it('sorts by the language of the page', () => {
    // Swedish sorts Å after Z; English sorts it with A.
    const inSwedish = actionOwnerCandidates({ organisationIds: [SERVICE, OTHER] }, people, 'sv', names).map(
      (person) => person.displayName,
    );
    const inEnglish = actionOwnerCandidates({ organisationIds: [SERVICE, OTHER] }, people, 'en', names).map(
      (person) => person.displayName,
    );
    expect(inSwedish).toEqual(['Ada', 'Cecilia', 'Zed', 'Åsa']);
    expect(inEnglish).toEqual(['Ada', 'Åsa', 'Cecilia', 'Zed']);
  });
});
