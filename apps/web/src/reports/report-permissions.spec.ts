import { canChangeReportStatus, statusChangesFrom } from './report-permissions';

// Who may change a status is tested once, in libs/contracts (report-access.spec.ts).
describe('report status changes', () => {
  it("answers as the shared rule does: the author's organisation yes, another service no", () => {
    const report = { organisationId: 'org-police' };
    expect(canChangeReportStatus({ role: 'police', organisationId: 'org-police' }, report, null)).toBe(true);
    expect(canChangeReportStatus({ role: 'service', organisationId: 'org-other' }, report, 'org-site')).toBe(
      false,
    );
  });

  it('offers the next steps along open → discussed → closed, and reopening', () => {
    expect(statusChangesFrom('open')).toEqual(['discussed', 'closed']);
    expect(statusChangesFrom('discussed')).toEqual(['closed', 'open']);
    expect(statusChangesFrom('closed')).toEqual(['open']);
  });
});
