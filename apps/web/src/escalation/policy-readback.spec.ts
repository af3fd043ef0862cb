import { translate } from '../i18n/i18n';
import type { Translate } from '../i18n/i18n';
import { policyInWords, secondsFromMinutes } from './policy-readback';

const names = {
  personName: (id: string) => ({ u1: 'Kim Berg' })[id] ?? null,
  organisationName: (id: string) => ({ police: 'Polisområde Malmö', svc: 'Sprututbytet' })[id] ?? null,
};
const sv: Translate = (key, params) => translate('sv', key, params);
const en: Translate = (key, params) => translate('en', key, params);

const policy = {
  steps: [
    { delaySeconds: 300, targets: [{ kind: 'signatories' as const, organisationId: 'police' }] },
    {
      delaySeconds: 900,
      targets: [
        { kind: 'user' as const, userId: 'u1' },
        { kind: 'role' as const, role: 'coordinator' as const },
      ],
    },
  ],
  repeat: 2,
};

describe('a policy in words', () => {
  it('reads the steps back in both languages', () => {
    expect(policyInWords(policy, en, names)).toBe(
      'After 5 min: the signatories of Polisområde Malmö; after 15 min: Kim Berg and everyone with the role coordinator; then the steps 2 more times.',
    );
    expect(policyInWords({ ...policy, repeat: 0 }, sv, names)).toBe(
      'Efter 5 min: firmatecknarna i Polisområde Malmö; efter 15 min: Kim Berg och alla med rollen samordnare.',
    );
  });

  it('says seconds when the delay is not whole minutes, and names what it does not know', () => {
    expect(
      policyInWords(
        { steps: [{ delaySeconds: 30, targets: [{ kind: 'user', userId: 'gone' }] }], repeat: 1 },
        en,
        names,
      ),
    ).toBe('After 30 s: unknown; then the steps once more.');
  });

  it('takes minutes with a comma or a point, within 1 s and a day', () => {
    expect(secondsFromMinutes('5')).toBe(300);
    expect(secondsFromMinutes('0,5')).toBe(30);
    expect(secondsFromMinutes('0.02')).toBe(1);
    expect(secondsFromMinutes('0')).toBeNull();
    expect(secondsFromMinutes('1441')).toBeNull();
    expect(secondsFromMinutes('fem')).toBeNull();
  });
});
