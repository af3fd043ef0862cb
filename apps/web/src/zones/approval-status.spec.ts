import type { ZoneApproval, ZoneProperties } from '@samverkan/contracts';
import type { Language } from '../i18n/dictionary';
import { translate } from '../i18n/i18n';
import {
  approvalStatus,
  approvalStatusText,
  awaitsApproval,
  listStatusText,
  type ApprovalSentence,
} from './approval-status';

const tr =
  (language: Language) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(language, key, params);

const police = (version: number): ZoneApproval => ({
  version,
  side: 'police',
  userId: 'u-police',
  organisationId: 'org-police',
  at: '2026-11-25T10:42:00+01:00',
});
const service = (version: number): ZoneApproval => ({
  version,
  side: 'service',
  userId: 'u-service',
  organisationId: 'org-service',
  at: '2026-11-25T09:15:00+01:00',
});

type Facts = Pick<ZoneProperties, 'status' | 'version' | 'agreedVersion' | 'approvals'>;
const zone = (facts: Partial<Facts>): Facts => ({
  status: 'proposed',
  version: 3,
  agreedVersion: null,
  approvals: [],
  ...facts,
});

describe('approvalStatus', () => {
  it.each<[string, Facts, ApprovalSentence[]]>([
    ['a new proposal nobody approved', zone({}), [{ key: 'approvalStatus.waitsBoth', version: 3 }]],
    [
      'approved by the police only',
      zone({ approvals: [police(3)] }),
      [{ key: 'approvalStatus.waitsService', version: 3, approvedBy: police(3) }],
    ],
    [
      'approved by the service only',
      zone({ approvals: [service(3)] }),
      [{ key: 'approvalStatus.waitsPolice', version: 3, approvedBy: service(3) }],
    ],
    [
      'agreed',
      zone({ status: 'agreed', agreedVersion: 3, approvals: [police(3), service(3)] }),
      [{ key: 'approvalStatus.agreed', version: 3 }],
    ],
    [
      'a newer version proposed while version 2 applies',
      zone({ agreedVersion: 2, approvals: [police(2), service(2)] }),
      [
        { key: 'approvalStatus.stillInForce', version: 3, agreedVersion: 2 },
        { key: 'approvalStatus.waitsBoth', version: 3 },
      ],
    ],
    [
      "a newer version the police approved, the older version's approvals ignored",
      zone({ agreedVersion: 2, approvals: [police(2), service(2), police(3)] }),
      [
        { key: 'approvalStatus.stillInForce', version: 3, agreedVersion: 2 },
        { key: 'approvalStatus.waitsService', version: 3, approvedBy: police(3) },
      ],
    ],
    [
      'suspended, nobody approved again',
      zone({ status: 'suspended', agreedVersion: 3 }),
      [{ key: 'approvalStatus.suspendedWaitsBoth', version: 3 }],
    ],
    [
      'suspended, the service approved again',
      zone({ status: 'suspended', agreedVersion: 3, approvals: [service(3)] }),
      [{ key: 'approvalStatus.waitsPolice', version: 3, approvedBy: service(3) }],
    ],
    [
      'withdrawn',
      zone({ status: 'withdrawn', approvals: [police(3)] }),
      [{ key: 'approvalStatus.withdrawn', version: 3 }],
    ],
  ])('%s', (_case, facts, sentences) => {
    expect(approvalStatus(facts)).toEqual(sentences);
  });
});

describe('approvalStatusText', () => {
  const now = new Date('2026-11-25T13:00:00Z');
  const names = (id: string) =>
    ({ 'org-police': 'Polisen Malmö', 'org-service': 'Sprututbytet' })[id] ?? null;

  it('names the side that approved, its organisation and time, and the side it waits for', () => {
    const facts = zone({ approvals: [police(3)] });
    expect(approvalStatusText(facts, names, now, 'en', tr('en'))).toBe(
      'Version 3 is approved by the police (Polisen Malmö, 10:42); waits for a service signatory.',
    );
    expect(approvalStatusText(facts, names, now, 'sv', tr('sv'))).toBe(
      'Version 3 är godkänd av polisen (Polisen Malmö, 10:42); väntar på en signatär från verksamheten.',
    );
  });

  it('says which version stays in force until the new one is agreed', () => {
    const facts = zone({ agreedVersion: 2, approvals: [service(3)] });
    expect(approvalStatusText(facts, names, now, 'en', tr('en'))).toBe(
      'Version 2 stays in force until version 3 is agreed by both sides. ' +
        'Version 3 is approved by the service (Sprututbytet, 09:15); waits for a police signatory.',
    );
  });

  it('still reads when the organisation is not known to the app', () => {
    expect(approvalStatusText(zone({ approvals: [police(3)] }), () => null, now, 'en', tr('en'))).toContain(
      '(unknown organisation, 10:42)',
    );
  });
});

describe('awaitsApproval', () => {
  it.each<[ZoneProperties['status'], boolean]>([
    ['proposed', true],
    ['suspended', true],
    ['agreed', false],
    ['withdrawn', false],
  ])('%s → %s', (status, expected) => {
    expect(awaitsApproval({ status })).toBe(expected);
  });
});

describe('listStatusText (a zone in a list)', () => {
  const now = new Date('2026-11-25T13:00:00Z');
  const names = () => 'Polisen Malmö';
  const properties = (facts: Partial<ZoneProperties>): ZoneProperties => ({
    id: 'z',
    siteId: 's',
    name: 'Zon',
    schedule: null,
    validFrom: null,
    validUntil: null,
    inForce: false,
    notes: null,
    updatedAt: '2026-11-25T12:00:00Z',
    ...zone({}),
    ...facts,
  });

  it('says who a first proposal waits for, not a fixed "both sides"', () => {
    expect(
      listStatusText('proposed', properties({ approvals: [police(3)] }), names, now, 'en', tr('en')),
    ).toBe('Version 3 is approved by the police (Polisen Malmö, 10:42); waits for a service signatory.');
  });

  it('gives the timing of the version in force, then what the new version waits for', () => {
    const pending = properties({ agreedVersion: 2, inForce: true, until: '2026-11-25T16:00:00+01:00' });
    expect(listStatusText('in-force', pending, names, now, 'en', tr('en'))).toBe(
      'In force now, until 16:00. · Version 2 stays in force until version 3 is agreed by both sides. ' +
        'Version 3 waits for a police signatory and a service signatory.',
    );
  });

  it('gives only the timing of an agreed zone', () => {
    const agreed = properties({ status: 'agreed', agreedVersion: 3, inForce: true, until: null });
    expect(listStatusText('in-force', agreed, names, now, 'sv', tr('sv'))).toBe('Gäller nu, utan sluttid.');
  });
});
