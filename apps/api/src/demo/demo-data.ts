import type { OrganisationKind, Role } from '@samverkan/contracts';

/** Every demo name says it is a demo: no real person or real service is named. */
export const DEMO_PREFIX = 'Demo';
export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_ORGANISATIONS = {
  police: { name: 'Demo – Polisområde Malmö City (fiktivt)', kind: 'police' },
  needleExchange: { name: 'Demo – Sprututbytet Malmö (fiktivt)', kind: 'service' },
  ostClinic: { name: 'Demo – Substitutionsmottagningen Söder (fiktiv)', kind: 'service' },
  naloxonePoint: { name: 'Demo – Naloxonpunkten Möllevången (fiktiv)', kind: 'service' },
  coordination: { name: 'Demo – Malmö stad, samordning (fiktiv)', kind: 'coordination' },
} as const satisfies Record<string, { name: string; kind: OrganisationKind }>;

export type DemoOrganisationKey = keyof typeof DEMO_ORGANISATIONS;

export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role; canSign: boolean; organisation: DemoOrganisationKey }[] = [
  { email: 'admin@demo.samverkan.test', displayName: 'Demo Administratör', role: 'admin', canSign: false, organisation: 'coordination' },
  { email: 'coordinator@demo.samverkan.test', displayName: 'Demo Samordnare', role: 'coordinator', canSign: false, organisation: 'coordination' },
  { email: 'police@demo.samverkan.test', displayName: 'Demo Polis', role: 'police', canSign: false, organisation: 'police' },
  { email: 'police.signatory@demo.samverkan.test', displayName: 'Demo Polis, signatär', role: 'police', canSign: true, organisation: 'police' },
  { email: 'service@demo.samverkan.test', displayName: 'Demo Personal sprututbytet', role: 'service', canSign: false, organisation: 'needleExchange' },
  { email: 'service.signatory@demo.samverkan.test', displayName: 'Demo Sprututbytet, signatär', role: 'service', canSign: true, organisation: 'needleExchange' },
  { email: 'ost@demo.samverkan.test', displayName: 'Demo Personal substitution', role: 'service', canSign: true, organisation: 'ostClinic' },
  { email: 'naloxone@demo.samverkan.test', displayName: 'Demo Personal naloxonpunkten', role: 'service', canSign: true, organisation: 'naloxonePoint' },
];
