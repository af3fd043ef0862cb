import type { Role } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { approvalSideOf, cannotManage, cannotSuspend, cannotWithdraw } from './map-permissions';

const OWNER = 'org-owner';
const OTHER = 'org-other';

function user(role: Role, options: { canSign?: boolean; organisationId?: string } = {}): AuthUser {
  const kind = role === 'police' ? 'police' : role === 'service' ? 'service' : 'coordination';
  return {
    id: `user-${role}`,
    email: `${role}@example.org`,
    displayName: role,
    role,
    canSign: options.canSign ?? false,
    organisationId: options.organisationId ?? (role === 'service' ? OWNER : `org-${kind}`),
    disabled: false,
    mfaEnabled: false,
    mfaRequired: false,
    organisationKind: kind,
    sessionId: 'session',
  };
}

const people = {
  staff: user('service'),
  signatory: user('service', { canSign: true }),
  otherSignatory: user('service', { canSign: true, organisationId: OTHER }),
  police: user('police'),
  policeSignatory: user('police', { canSign: true }),
  coordinator: user('coordinator', { canSign: true }),
  admin: user('admin', { canSign: true }),
};
type Person = keyof typeof people;
const everyone = Object.keys(people) as Person[];
const allowedBy = (check: (who: AuthUser, organisationId: string) => string | null) =>
  everyone.filter((who) => check(people[who], OWNER) === null);

describe('map permissions', () => {
  it('manage (create, edit, delete): the owning service, coordinators and administrators', () => {
    expect(allowedBy(cannotManage)).toEqual(['staff', 'signatory', 'coordinator', 'admin']);
    expect(cannotManage(people.police, OWNER)).toMatch(/Police users do not edit/);
    expect(cannotManage(people.otherSignatory, OWNER)).toMatch(/own organisation/);
  });

  it('approve: a police signatory for the police side, the owning service’s signatory for the service side', () => {
    expect(approvalSideOf(people.policeSignatory, OWNER)).toEqual({ side: 'police' });
    expect(approvalSideOf(people.signatory, OWNER)).toEqual({ side: 'service' });
    for (const who of ['staff', 'otherSignatory', 'police', 'coordinator', 'admin'] as Person[]) {
      expect(approvalSideOf(people[who], OWNER)).toEqual({ denied: expect.any(String) });
    }
  });

  it('suspend: any signatory of either side (service: its own zones), coordinators and administrators', () => {
    expect(allowedBy(cannotSuspend)).toEqual(['signatory', 'policeSignatory', 'coordinator', 'admin']);
  });

  it('withdraw: the owning service’s signatory, coordinators and administrators', () => {
    expect(allowedBy(cannotWithdraw)).toEqual(['signatory', 'coordinator', 'admin']);
  });
});
