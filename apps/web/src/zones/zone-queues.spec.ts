import type { ZoneFeature, ZoneProperties } from '@samverkan/contracts';
import { zoneQueues } from './zone-queues';

const zone = (name: string, properties: Partial<ZoneProperties>): ZoneFeature => ({
  type: 'Feature',
  id: name,
  geometry: { type: 'Polygon', coordinates: [] },
  properties: {
    id: name,
    siteId: 'site',
    name,
    status: 'proposed',
    version: 2,
    schedule: null,
    validFrom: null,
    validUntil: null,
    inForce: false,
    agreedVersion: null,
    approvals: [],
    notes: null,
    updatedAt: '2027-01-01T00:00:00Z',
    organisationId: 'service-org',
    reviewBy: null,
    ...properties,
  },
});

const policeSignatory = { role: 'police' as const, organisationId: 'police-org', canSign: true };
const at = '2027-03-01T10:00:00Z';

describe('zoneQueues', () => {
  it('lists the versions that wait for the signatory’s side, not those their side approved', () => {
    const zones = [
      zone('B', {}),
      zone('A', { approvals: [{ version: 2, side: 'service', userId: 'u', organisationId: 'service-org', at }] }),
      zone('C', { approvals: [{ version: 2, side: 'police', userId: 'u', organisationId: 'police-org', at }] }),
      zone('D', { status: 'agreed', agreedVersion: 2 }),
    ];
    expect(zoneQueues(zones, policeSignatory, '2027-03-01').awaiting.map((z) => z.properties.name)).toEqual(['A', 'B']);
    expect(zoneQueues(zones, { ...policeSignatory, canSign: false }, '2027-03-01').awaiting).toEqual([]);
    expect(zoneQueues(zones, { role: 'service', organisationId: 'other-org', canSign: true }, '2027-03-01').awaiting).toEqual([]);
  });

  it('lists zones due for review within 30 days or past, by the version in force', () => {
    const agreed = { version: 1, name: 'E', geometry: { type: 'Polygon' as const, coordinates: [] }, schedule: null, validFrom: null, validUntil: null, approvals: [] };
    const zones = [
      zone('Past', { status: 'agreed', reviewBy: '2027-02-01' }),
      zone('Soon', { status: 'agreed', reviewBy: '2027-03-31' }),
      zone('Later', { status: 'agreed', reviewBy: '2027-04-01' }),
      // A renewal proposed: the agreed version's date still counts.
      zone('Renewing', { reviewBy: '2028-03-01', agreed: { ...agreed, reviewBy: '2027-03-05' } }),
      zone('Gone', { status: 'withdrawn', reviewBy: '2027-02-01' }),
    ];
    expect(zoneQueues(zones, null, '2027-03-01').reviewDue.map((z) => z.properties.name)).toEqual(['Past', 'Renewing', 'Soon']);
  });
});
