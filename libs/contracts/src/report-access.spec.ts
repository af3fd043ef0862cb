import type { OrganisationKind, Role } from './people';
import { changeReportStatusProblem, organisationSeesEveryReport, seesEveryReport } from './report-access';

const ROLE_KINDS: [Role, OrganisationKind][] = [
  ['admin', 'coordination'],
  ['coordinator', 'coordination'],
  ['police', 'police'],
  ['service', 'service'],
  // Coordinators and administrators may belong to any organisation.
  ['admin', 'service'],
  ['coordinator', 'service'],
];

describe('who sees every report', () => {
  const expected: Record<string, boolean> = {
    'admin coordination': true,
    'coordinator coordination': true,
    'police police': true,
    'service service': false,
    'admin service': true,
    'coordinator service': true,
  };
  it.each(ROLE_KINDS)('%s of a %s organisation', (role, organisationKind) => {
    expect(seesEveryReport({ role, organisationKind })).toBe(expected[`${role} ${organisationKind}`]);
  });

  it.each([
    ['police', true],
    ['coordination', true],
    ['service', false],
  ] as const)('every member of a %s organisation: %s', (kind, sees) => {
    expect(organisationSeesEveryReport(kind)).toBe(sees);
  });
});

describe("who changes a report's status", () => {
  const report = { organisationId: 'org-author' };
  //         role     organisation   site's organisation   allowed
  const table: [Role, string, string | null, boolean][] = [
    ['coordinator', 'org-x', null, true],
    ['coordinator', 'org-x', 'org-site', true],
    ['admin', 'org-x', 'org-site', false],
    ['admin', 'org-author', null, true],
    ['police', 'org-author', null, true],
    ['police', 'org-x', 'org-site', false],
    ['service', 'org-site', 'org-site', true],
    ['service', 'org-author', 'org-site', true],
    ['service', 'org-x', 'org-site', false],
    ['service', 'org-x', null, false],
  ];
  it.each(table)(
    '%s of %s, report about a site of %s: %s',
    (role, organisationId, siteOrganisationId, allowed) => {
      const problem = changeReportStatusProblem({ role, organisationId }, report, siteOrganisationId);
      expect(problem === null).toBe(allowed);
      if (!allowed) expect(problem).toMatch(/author's organisation/);
    },
  );
});
