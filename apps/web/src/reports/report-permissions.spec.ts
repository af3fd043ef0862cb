import { canChangeReportStatus, statusChangesFrom } from './report-permissions';

describe('who changes a report status', () => {
  const report = { organisationId: 'org-police' };

  it("is the author's organisation, the site's organisation or a coordinator", () => {
    expect(canChangeReportStatus({ role: 'police', organisationId: 'org-police' }, report, 'org-site')).toBe(
      true,
    );
    expect(canChangeReportStatus({ role: 'service', organisationId: 'org-site' }, report, 'org-site')).toBe(
      true,
    );
    expect(canChangeReportStatus({ role: 'coordinator', organisationId: 'org-city' }, report, null)).toBe(
      true,
    );
    expect(canChangeReportStatus({ role: 'service', organisationId: 'org-other' }, report, 'org-site')).toBe(
      false,
    );
    expect(canChangeReportStatus({ role: 'admin', organisationId: 'org-city' }, report, null)).toBe(false);
  });

  it('offers the next steps along open → discussed → closed, and reopening', () => {
    expect(statusChangesFrom('open')).toEqual(['discussed', 'closed']);
    expect(statusChangesFrom('discussed')).toEqual(['closed', 'open']);
    expect(statusChangesFrom('closed')).toEqual(['open']);
  });
});
