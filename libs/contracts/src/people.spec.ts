import { roleFitsOrganisationKind } from './people';

describe('which organisations a role may belong to', () => {
  it('keeps officers in police organisations and staff in services', () => {
    expect(roleFitsOrganisationKind('police', 'police')).toBe(true);
    expect(roleFitsOrganisationKind('police', 'service')).toBe(false);
    expect(roleFitsOrganisationKind('service', 'service')).toBe(true);
    expect(roleFitsOrganisationKind('service', 'coordination')).toBe(false);
  });

  it('lets coordinators and admins belong to any organisation', () => {
    for (const kind of ['police', 'service', 'coordination'] as const) {
      expect(roleFitsOrganisationKind('coordinator', kind)).toBe(true);
      expect(roleFitsOrganisationKind('admin', kind)).toBe(true);
    }
  });
});
