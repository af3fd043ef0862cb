import { Secret, TOTP } from 'otpauth';
import { acceptedTotpStep, newTotpSecret, totpStep, totpUri } from './totp';
import { newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';

const secret = newTotpSecret();
const authenticator = new TOTP({
  secret: Secret.fromBase32(secret),
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
});
const codeAt = (at: Date) => authenticator.generate({ timestamp: at.getTime() });
// The middle of a step, so ±30 s lands in the neighbouring steps.
const now = new Date(Date.UTC(2026, 11, 7, 4, 0, 15));
const seconds = (n: number) => new Date(now.getTime() + n * 1000);

describe('TOTP verification', () => {
  it('accepts the current step and the steps just before and after it', () => {
    expect(acceptedTotpStep(secret, codeAt(now), now, null)).toBe(totpStep(now));
    expect(acceptedTotpStep(secret, codeAt(seconds(-30)), now, null)).toBe(totpStep(now) - 1);
    expect(acceptedTotpStep(secret, codeAt(seconds(30)), now, null)).toBe(totpStep(now) + 1);
  });

  it('refuses codes more than one step away', () => {
    expect(acceptedTotpStep(secret, codeAt(seconds(-60)), now, null)).toBeNull();
    expect(acceptedTotpStep(secret, codeAt(seconds(60)), now, null)).toBeNull();
  });

  it('accepts a step once, and never an older one after a newer one', () => {
    const step = acceptedTotpStep(secret, codeAt(now), now, null)!;
    expect(acceptedTotpStep(secret, codeAt(now), now, step)).toBeNull();
    expect(acceptedTotpStep(secret, codeAt(seconds(-30)), now, step)).toBeNull();
    expect(acceptedTotpStep(secret, codeAt(seconds(30)), seconds(30), step)).toBe(step + 1);
  });

  it('refuses what is not six digits, and another secret’s code', () => {
    expect(acceptedTotpStep(secret, '12345', now, null)).toBeNull();
    expect(acceptedTotpStep(secret, `${codeAt(now)}0`, now, null)).toBeNull();
    expect(acceptedTotpStep(newTotpSecret(), codeAt(now), now, null)).toBeNull();
  });

  it('describes the secret for authenticator apps: SHA-1, six digits, 30 seconds', () => {
    const uri = new URL(totpUri(secret, 'police@example.org'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('algorithm')).toBe('SHA1');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    expect(uri.searchParams.get('issuer')).toBe('Samverkan');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });
});

describe('recovery codes', () => {
  it('makes ten different codes that read well off paper', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  it('takes a code however it is typed, and refuses what cannot be one', () => {
    const [code] = newRecoveryCodes();
    const plain = code.replace('-', '');
    expect(normaliseRecoveryCode(code)).toBe(plain);
    expect(normaliseRecoveryCode(` ${code.toUpperCase()} `)).toBe(plain);
    expect(normaliseRecoveryCode(plain.slice(0, 5) + ' ' + plain.slice(5))).toBe(plain);
    expect(normaliseRecoveryCode('123456')).toBeNull();
    expect(normaliseRecoveryCode('abcde-fghi0')).toBeNull();
    expect(normaliseRecoveryCode('')).toBeNull();
  });
});
