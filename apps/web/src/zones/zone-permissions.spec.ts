import type { User, ZoneProperties } from '@samverkan/contracts';
import { canProposeZones, zoneAbilities } from './zone-permissions';

const user = (role: User['role'], canSign = false, organisationId = 'service-org'): User => ({
  id: `${role}-${canSign}`,
  email: 'x@example.test',
  displayName: 'X',
  role,
  canSign,
  organisationId,
  disabled: false,
  mfaEnabled: false,
  mfaRequired: false,
});

const zone = (overrides: Partial<ZoneProperties> = {}): ZoneProperties => ({
  id: 'z',
  siteId: 's',
  name: 'Zone',
  status: 'proposed',
  version: 1,
  schedule: null,
  validFrom: null,
  validUntil: null,
  inForce: false,
  agreedVersion: null,
  approvals: [],
  notes: null,
  updatedAt: '2026-11-25T12:00:00Z',
  organisationId: 'service-org',
  ...overrides,
});

describe('what a user is offered on a zone (mirroring the api)', () => {
  it('lets service staff of the owning organisation and coordinators edit; never the police', () => {
    expect(zoneAbilities(user('service'), zone()).edit).toBe(true);
    expect(zoneAbilities(user('service', false, 'other-org'), zone()).edit).toBe(false);
    expect(zoneAbilities(user('coordinator', false, 'coordination'), zone()).edit).toBe(true);
    expect(zoneAbilities(user('police', true, 'police-org'), zone()).edit).toBe(false);
    expect(canProposeZones(user('police', true, 'police-org'))).toBe(false);
  });

  it('offers approval to a signatory whose side has not approved the current version yet', () => {
    expect(zoneAbilities(user('police', true, 'police-org'), zone())).toMatchObject({
      side: 'police',
      approve: true,
    });
    expect(zoneAbilities(user('police', false, 'police-org'), zone()).approve).toBe(false);
    const approvedByService = zone({
      approvals: [{ version: 1, side: 'service', userId: 'u', organisationId: 'service-org', at: '' }],
    });
    expect(zoneAbilities(user('service', true), approvedByService).approve).toBe(false);
    expect(zoneAbilities(user('police', true, 'police-org'), approvedByService).approve).toBe(true);
    expect(zoneAbilities(user('coordinator', true, 'coordination'), zone()).approve).toBe(false);
  });

  it('offers suspension only of an agreement, withdrawal to the owning service signatory or a coordinator', () => {
    const agreed = zone({ status: 'agreed', agreedVersion: 1, inForce: true });
    expect(zoneAbilities(user('police', true, 'police-org'), agreed)).toMatchObject({
      suspend: true,
      withdraw: false,
    });
    expect(zoneAbilities(user('police', true, 'police-org'), zone()).suspend).toBe(false);
    expect(zoneAbilities(user('service', true), agreed)).toMatchObject({ suspend: true, withdraw: true });
    expect(zoneAbilities(user('service', false), agreed)).toMatchObject({ suspend: false, withdraw: false });
    expect(zoneAbilities(user('service', true), zone({ status: 'withdrawn' }))).toMatchObject({
      edit: false,
      withdraw: false,
      approve: false,
    });
  });
});
