import { canCreateSites, choosesSiteOrganisation, manageSitesProblem } from './site-access';

const OWN = 'org-own';
const OTHER = 'org-other';

describe('who manages sites', () => {
  it('service staff their own organisation’s sites, coordinators and admins any, police none', () => {
    expect(manageSitesProblem({ role: 'service', organisationId: OWN }, OWN)).toBeNull();
    expect(manageSitesProblem({ role: 'service', organisationId: OWN }, OTHER)).toMatch(/own organisation/);
    expect(manageSitesProblem({ role: 'coordinator', organisationId: OWN }, OTHER)).toBeNull();
    expect(manageSitesProblem({ role: 'admin', organisationId: OWN }, OTHER)).toBeNull();
    expect(manageSitesProblem({ role: 'police', organisationId: OTHER }, OTHER)).toMatch(/Police users/);
    expect([canCreateSites({ role: 'service' }), canCreateSites({ role: 'police' })]).toEqual([true, false]);
    expect([
      choosesSiteOrganisation({ role: 'coordinator' }),
      choosesSiteOrganisation({ role: 'service' }),
    ]).toEqual([true, false]);
  });
});
