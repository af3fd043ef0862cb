import type { User, ZoneProperties } from '@samverkan/contracts';
import { canManageZonesOf, canProposeZones, sideOf, zoneAbilities } from './zone-permissions';

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

// The rules themselves are tested once, in libs/contracts (zone-access.spec.ts); here only what the views'
// names add: a full User and ZoneProperties, and a zone whose owner the api did not send.
describe("the views' names for the zone rules", () => {
  it('answers for a zone as the shared rules do', () => {
    const agreed = zone({ status: 'agreed', agreedVersion: 1, inForce: true });
    expect(zoneAbilities(user('police', true, 'police-org'), agreed)).toEqual({
      edit: false,
      side: 'police',
      approve: false,
      suspend: true,
      withdraw: false,
    });
    expect(sideOf(user('service', true), agreed)).toBe('service');
    expect(canManageZonesOf(user('service'), 'service-org')).toBe(true);
    expect([canProposeZones(user('service')), canProposeZones(user('police', true, 'police-org'))]).toEqual([
      true,
      false,
    ]);
  });

  it('offers a service user nothing of their own on a zone without a known owner', () => {
    expect(canManageZonesOf(user('service'), undefined)).toBe(false);
    expect(sideOf(user('service', true), zone({ organisationId: undefined }))).toBeNull();
  });
});
