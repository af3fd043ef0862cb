import type { Role } from './people';
import {
  approvalSideOf,
  manageZonesProblem,
  suspensionTarget,
  suspendZoneProblem,
  withdrawZoneProblem,
  zoneAbilities,
  type ZoneActor,
  type ZoneFacts,
} from './zone-access';
import type { ApprovalSide, ZoneStatus } from './zones';

const OWN = 'service-own';
const OTHER = 'service-other';
const POLICE = 'police-org';

// Each kind of user the rules tell apart; a service user is of the zone's own organisation unless named "other".
const ACTORS: Record<string, ZoneActor> = {
  admin: { role: 'admin', organisationId: OTHER, canSign: false },
  coordinator: { role: 'coordinator', organisationId: OTHER, canSign: true },
  'police signatory': { role: 'police', organisationId: POLICE, canSign: true },
  'police officer': { role: 'police', organisationId: POLICE, canSign: false },
  'service signatory': { role: 'service', organisationId: OWN, canSign: true },
  'service staff': { role: 'service', organisationId: OWN, canSign: false },
  'other service signatory': { role: 'service', organisationId: OTHER, canSign: true },
};

describe('who does what with a zone of one service', () => {
  //                           manage  side       suspend withdraw
  const table: [string, boolean, ApprovalSide | null, boolean, boolean][] = [
    ['admin', true, null, true, true],
    ['coordinator', true, null, true, true],
    ['police signatory', false, 'police', true, false],
    ['police officer', false, null, false, false],
    ['service signatory', true, 'service', true, true],
    ['service staff', true, null, false, false],
    ['other service signatory', false, null, false, false],
  ];
  it.each(table)(
    '%s: manages %s, signs for %s, suspends %s, withdraws %s',
    (name, manages, side, suspends, withdraws) => {
      const user = ACTORS[name];
      expect(manageZonesProblem(user, OWN) === null).toBe(manages);
      const approval = approvalSideOf(user, OWN);
      expect('side' in approval ? approval.side : null).toBe(side);
      expect(suspendZoneProblem(user, OWN) === null).toBe(suspends);
      expect(withdrawZoneProblem(user, OWN) === null).toBe(withdraws);
    },
  );

  it('gives the reason of each refusal', () => {
    expect(approvalSideOf(ACTORS.coordinator, OWN)).toEqual({
      denied: expect.stringMatching(/do not approve for a side/),
    });
    expect(approvalSideOf(ACTORS['police officer'], OWN)).toEqual({
      denied: expect.stringMatching(/Only a signatory/),
    });
    expect(approvalSideOf(ACTORS['other service signatory'], OWN)).toEqual({
      denied: expect.stringMatching(/own organisation/),
    });
    expect(suspendZoneProblem(ACTORS['police officer'], OWN)).toMatch(/police signatory/);
    expect(suspendZoneProblem(ACTORS['service staff'], OWN)).toMatch(/service signatory/);
    expect(suspendZoneProblem(ACTORS['other service signatory'], OWN)).toMatch(/own organisation/);
    expect(withdrawZoneProblem(ACTORS['police signatory'], OWN)).toMatch(/Police users suspend/);
    expect(withdrawZoneProblem(ACTORS['service staff'], OWN)).toMatch(/service signatory/);
    expect(withdrawZoneProblem(ACTORS['other service signatory'], OWN)).toMatch(/own organisation/);
    expect(manageZonesProblem({ role: 'police', organisationId: POLICE }, OWN)).toMatch(/Police users/);
  });
});

describe('which states allow what', () => {
  //                    status  agreedVersion  what a suspension holds back
  const table: [ZoneStatus, number | null, ReturnType<typeof suspensionTarget>][] = [
    ['proposed', null, { conflict: 'not_agreed' }],
    ['proposed', 1, { version: 1 }],
    ['agreed', 2, { version: 2 }],
    ['suspended', null, { conflict: 'suspended' }],
    ['withdrawn', null, { conflict: 'withdrawn' }],
    ['withdrawn', 1, { conflict: 'withdrawn' }],
  ];
  it.each(table)('%s (agreed version %s): suspends %j', (status, agreedVersion, target) => {
    expect(suspensionTarget({ status, agreedVersion })).toEqual(target);
  });
});

describe('the abilities the web app shows', () => {
  const zone = (
    status: ZoneStatus,
    agreedVersion: number | null,
    approvals: ZoneFacts['approvals'] = [],
  ): ZoneFacts => ({
    status,
    version: 2,
    agreedVersion,
    approvals,
    organisationId: OWN,
  });
  const policeApproved = [
    { version: 2, side: 'police' as const, userId: 'p', organisationId: POLICE, at: '2026-11-25T12:00:00Z' },
  ];
  const abilityNames = ['edit', 'approve', 'suspend', 'withdraw'] as const;
  const shown = (user: ZoneActor, facts: ZoneFacts) => {
    const abilities = zoneAbilities(user, facts);
    return abilityNames.filter((name) => abilities[name]).join(' ');
  };

  const table: [string, ZoneFacts, Record<string, string>][] = [
    [
      'a new proposal',
      zone('proposed', null),
      {
        admin: 'edit withdraw',
        coordinator: 'edit withdraw',
        'police signatory': 'approve',
        'police officer': '',
        'service signatory': 'edit approve withdraw',
        'service staff': 'edit',
        'other service signatory': '',
      },
    ],
    [
      'a proposal the police approved',
      zone('proposed', null, policeApproved),
      { 'police signatory': '', 'service signatory': 'edit approve withdraw' },
    ],
    [
      'a new version of an agreed zone',
      zone('proposed', 1),
      {
        coordinator: 'edit suspend withdraw',
        'police signatory': 'approve suspend',
        'service staff': 'edit',
      },
    ],
    [
      'an agreed zone',
      zone('agreed', 2),
      {
        admin: 'edit suspend withdraw',
        'police signatory': 'suspend',
        'police officer': '',
        'service signatory': 'edit suspend withdraw',
        'other service signatory': '',
      },
    ],
    [
      'a suspended zone',
      zone('suspended', null),
      {
        coordinator: 'edit withdraw',
        'police signatory': 'approve',
        'service signatory': 'edit approve withdraw',
      },
    ],
    [
      'a withdrawn zone',
      zone('withdrawn', null),
      { admin: '', coordinator: '', 'police signatory': '', 'service signatory': '', 'service staff': '' },
    ],
  ];
  describe.each(table)('%s', (_name, facts, expected) => {
    it.each(Object.entries(expected))('%s: %s', (actor, abilities) => {
      expect(shown(ACTORS[actor], facts)).toBe(abilities);
    });
  });

  it('says which side the user signs for', () => {
    const roles: Role[] = ['police', 'service'];
    expect(
      roles.map(
        (role) => zoneAbilities({ role, organisationId: OWN, canSign: true }, zone('proposed', null)).side,
      ),
    ).toEqual(['police', 'service']);
  });
});
