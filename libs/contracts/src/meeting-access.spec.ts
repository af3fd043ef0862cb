import type { MeetingViewer } from './meeting-access';
import {
  canSeeMeeting,
  organiseProblem,
  organisationsProblem,
  ownerProblem,
  presentProblem,
  removeOrganisationProblem,
} from './meeting-access';

const ORGS = ['org-police', 'org-service'];

const viewer = (
  role: MeetingViewer['role'],
  organisationId: string,
  canSign = false,
  id = `${role}-${organisationId}`,
): MeetingViewer => ({
  id,
  role,
  organisationId,
  canSign,
});

describe('canSeeMeeting', () => {
  it('shows a meeting to members of its organisations, coordinators and admins only', () => {
    expect(canSeeMeeting(viewer('police', 'org-police'), ORGS)).toBe(true);
    expect(canSeeMeeting(viewer('service', 'org-service'), ORGS)).toBe(true);
    expect(canSeeMeeting(viewer('coordinator', 'org-coordination'), ORGS)).toBe(true);
    expect(canSeeMeeting(viewer('admin', 'org-it'), ORGS)).toBe(true);
    expect(canSeeMeeting(viewer('police', 'org-other-police'), ORGS)).toBe(false);
    expect(canSeeMeeting(viewer('police', 'org-other-police', true), ORGS)).toBe(false);
  });
});

describe('organiseProblem', () => {
  it('lets coordinators, admins and signatories of a participating organisation organise', () => {
    expect(organiseProblem(viewer('coordinator', 'org-coordination'), ORGS)).toBeNull();
    expect(organiseProblem(viewer('admin', 'org-it'), ORGS)).toBeNull();
    expect(organiseProblem(viewer('police', 'org-police', true), ORGS)).toBeNull();
  });

  it('refuses other participants and signatories of other organisations', () => {
    expect(organiseProblem(viewer('police', 'org-police'), ORGS)).toMatch(/signatories/);
    expect(organiseProblem(viewer('service', 'org-elsewhere', true), ORGS)).not.toBeNull();
  });
});

describe('organisationsProblem', () => {
  it('makes a signatory keep their own organisation in the meeting; coordinators choose freely', () => {
    expect(organisationsProblem(viewer('service', 'org-service', true), ORGS)).toBeNull();
    expect(organisationsProblem(viewer('service', 'org-service', true), ['org-police'])).toBe(
      'must include your own organisation',
    );
    expect(organisationsProblem(viewer('coordinator', 'org-coordination'), ['org-police'])).toBeNull();
  });
});

describe('presentProblem', () => {
  const coordinator = viewer('coordinator', 'org-coordination', false, 'u-coordinator');
  const officer = viewer('police', 'org-police', false, 'u-officer');
  const signatory = viewer('service', 'org-service', true, 'u-signatory');
  const meeting = (presenterId: string | null) => ({ organisationIds: ORGS, presenterId });

  it('lets a coordinator take or give the role at any time', () => {
    expect(presentProblem(coordinator, meeting('u-officer'), 'u-coordinator', true)).toBeNull();
    expect(presentProblem(coordinator, meeting('u-officer'), 'u-signatory', true)).toBeNull();
    expect(presentProblem(coordinator, meeting(null), null, true)).toBeNull();
  });

  it('lets the presenter hand the role to anyone or give it up', () => {
    expect(presentProblem(officer, meeting('u-officer'), 'u-signatory', true)).toBeNull();
    expect(presentProblem(officer, meeting('u-officer'), null, true)).toBeNull();
    expect(presentProblem(officer, meeting('u-officer'), 'u-officer', true)).toBeNull();
  });

  it('lets a signatory take the role when nobody presents or the presenter has left, not from one who is there', () => {
    expect(presentProblem(signatory, meeting(null), 'u-signatory', false)).toBeNull();
    expect(presentProblem(signatory, meeting('u-officer'), 'u-signatory', false)).toBeNull();
    expect(presentProblem(signatory, meeting('u-officer'), 'u-signatory', true)).toMatch(
      /Someone else presents/,
    );
    expect(presentProblem(signatory, meeting('u-officer'), 'u-coordinator', false)).toMatch(
      /current presenter/,
    );
  });

  it('refuses participants who are neither', () => {
    expect(presentProblem(officer, meeting(null), 'u-officer', false)).not.toBeNull();
    expect(presentProblem(officer, meeting('u-signatory'), null, false)).not.toBeNull();
  });
});

describe('ownerProblem', () => {
  it('wants an active member of a participating organisation, or a coordinator', () => {
    expect(ownerProblem({ role: 'police', organisationId: 'org-police', disabled: false }, ORGS)).toBeNull();
    expect(
      ownerProblem({ role: 'coordinator', organisationId: 'org-coordination', disabled: false }, ORGS),
    ).toBeNull();
    expect(ownerProblem({ role: 'police', organisationId: 'org-police', disabled: true }, ORGS)).toBe(
      'names a disabled user',
    );
    expect(ownerProblem({ role: 'police', organisationId: 'org-elsewhere', disabled: false }, ORGS)).toMatch(
      /participating organisation/,
    );
    expect(ownerProblem({ role: 'admin', organisationId: 'org-it', disabled: false }, ORGS)).not.toBeNull();
  });
});

describe('removeOrganisationProblem', () => {
  const policeSignatory = viewer('police', 'org-police', true);
  const serviceSignatory = viewer('service', 'org-service', true);

  it('lets the organiser, coordinators and admins take any organisation out', () => {
    const organisedByPolice = { createdBy: policeSignatory.id };
    expect(removeOrganisationProblem(policeSignatory, organisedByPolice, 'org-service')).toBeNull();
    expect(
      removeOrganisationProblem(viewer('coordinator', 'org-coordination'), { createdBy: null }, 'org-police'),
    ).toBeNull();
    expect(
      removeOrganisationProblem(viewer('admin', 'org-it'), { createdBy: null }, 'org-service'),
    ).toBeNull();
  });

  it('lets an organisation take itself out, never another participant', () => {
    const organisedByCoordinator = { createdBy: 'coordinator-1' };
    expect(removeOrganisationProblem(serviceSignatory, organisedByCoordinator, 'org-service')).toBeNull();
    expect(removeOrganisationProblem(serviceSignatory, organisedByCoordinator, 'org-police')).toMatch(
      /organiser/,
    );
    expect(removeOrganisationProblem(policeSignatory, organisedByCoordinator, 'org-service')).toMatch(
      /organiser/,
    );
  });
});
