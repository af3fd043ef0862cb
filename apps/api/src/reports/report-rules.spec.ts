import type { AuthUser } from '../auth/auth-user';
import { cannotChangeStatus, occurredAtProblem, organisationSeesEveryReport, seesEveryReport } from './report-rules';

const user = (role: AuthUser['role'], organisationKind: AuthUser['organisationKind'], organisationId = 'org-a') => ({
  role,
  organisationKind,
  organisationId,
});

describe('seesEveryReport', () => {
  it('is true for police organisations, coordinators and administrators only', () => {
    expect(seesEveryReport(user('police', 'police'))).toBe(true);
    expect(seesEveryReport(user('coordinator', 'coordination'))).toBe(true);
    expect(seesEveryReport(user('admin', 'coordination'))).toBe(true);
    expect(seesEveryReport(user('service', 'service'))).toBe(false);
  });
});

describe('organisationSeesEveryReport', () => {
  it('is true for police and coordination organisations, whose every member sees every report', () => {
    expect(organisationSeesEveryReport('police')).toBe(true);
    expect(organisationSeesEveryReport('coordination')).toBe(true);
    expect(organisationSeesEveryReport('service')).toBe(false);
  });
});

describe('cannotChangeStatus', () => {
  const report = { organisationId: 'org-author' };

  it("allows the author's organisation, the site's organisation and coordinators", () => {
    expect(cannotChangeStatus(user('police', 'police', 'org-author'), report, 'org-site')).toBeNull();
    expect(cannotChangeStatus(user('service', 'service', 'org-site'), report, 'org-site')).toBeNull();
    expect(cannotChangeStatus(user('coordinator', 'coordination', 'org-x'), report, null)).toBeNull();
  });

  it('refuses everyone else, administrators of another organisation included', () => {
    expect(cannotChangeStatus(user('service', 'service', 'org-other'), report, 'org-site')).toMatch(/author's organisation/);
    expect(cannotChangeStatus(user('police', 'police', 'org-other'), report, null)).not.toBeNull();
    expect(cannotChangeStatus(user('admin', 'coordination', 'org-other'), report, 'org-site')).not.toBeNull();
  });
});

describe('occurredAtProblem', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

  it('accepts now, the past 90 days and up to two minutes of clock skew', () => {
    expect(occurredAtProblem(now, now)).toBeNull();
    expect(occurredAtProblem(at(119_000), now)).toBeNull();
    expect(occurredAtProblem(at(-90 * 86_400_000 + 1000), now)).toBeNull();
  });

  it('refuses the future beyond the skew and anything older than 90 days', () => {
    expect(occurredAtProblem(at(121_000), now)).toBe('must not be in the future');
    expect(occurredAtProblem(at(-90 * 86_400_000 - 1000), now)).toBe('must be within the last 90 days');
  });
});
