import { Clock } from '../../common/clock';
import {
  PASSKEY_CHALLENGE_LIFETIME_MS,
  PasskeyChallenges,
  signedChallenge,
  type PasskeyChallengeRow,
} from './passkey-challenges';
import type { PasskeysRepository } from './passkeys.repository';

/** The repository's two challenge statements, in memory: insert, and take (delete and answer). */
function memoryStore() {
  const rows = new Map<string, PasskeyChallengeRow>();
  return {
    rows,
    insertChallenge: (row: PasskeyChallengeRow) => {
      rows.set(row.challenge, row);
      return Promise.resolve();
    },
    takeChallenge: (challenge: string) => {
      const row = rows.get(challenge) ?? null;
      rows.delete(challenge);
      return Promise.resolve(row);
    },
  };
}

describe('PasskeyChallenges', () => {
  let now: Date;
  let challenges: PasskeyChallenges;
  const clock = { now: () => now } as Clock;

  beforeEach(() => {
    now = new Date('2026-12-07T10:00:00Z');
    challenges = new PasskeyChallenges(memoryStore() as unknown as PasskeysRepository, clock);
  });

  it('issues random base64url challenges', async () => {
    const first = await challenges.issue('user-1', 'register');
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(await challenges.issue('user-1', 'register')).not.toBe(first);
  });

  it('takes a challenge once', async () => {
    const challenge = await challenges.issue('user-1', 'register');
    expect(await challenges.take(challenge, { userId: 'user-1', purpose: 'register' })).toBe(true);
    expect(await challenges.take(challenge, { userId: 'user-1', purpose: 'register' })).toBe(false);
  });

  it('lives five minutes', async () => {
    const challenge = await challenges.issue('user-1', 'confirm');
    const late = await challenges.issue('user-1', 'confirm');
    now = new Date(now.getTime() + PASSKEY_CHALLENGE_LIFETIME_MS - 1);
    expect(await challenges.take(challenge, { userId: 'user-1', purpose: 'confirm' })).toBe(true);
    now = new Date(now.getTime() + 1);
    expect(await challenges.take(late, { userId: 'user-1', purpose: 'confirm' })).toBe(false);
  });

  it('fits only the user, the purpose and the sign-in it was issued for, and is used up by a misfit', async () => {
    const register = await challenges.issue('user-1', 'register');
    expect(await challenges.take(register, { userId: 'user-2', purpose: 'register' })).toBe(false);
    expect(await challenges.take(register, { userId: 'user-1', purpose: 'register' })).toBe(false);

    const signIn = await challenges.issue('user-1', 'sign-in', 'mfa-1');
    expect(await challenges.take(signIn, { userId: 'user-1', purpose: 'confirm' })).toBe(false);
    const other = await challenges.issue('user-1', 'sign-in', 'mfa-1');
    expect(
      await challenges.take(other, { userId: 'user-1', purpose: 'sign-in', mfaChallengeId: 'mfa-2' }),
    ).toBe(false);
    const right = await challenges.issue('user-1', 'sign-in', 'mfa-1');
    expect(
      await challenges.take(right, { userId: 'user-1', purpose: 'sign-in', mfaChallengeId: 'mfa-1' }),
    ).toBe(true);
  });

  it('reads the signed challenge from the clientDataJSON, or nothing', () => {
    const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: 'abc' })).toString(
      'base64url',
    );
    expect(signedChallenge({ response: { clientDataJSON } })).toBe('abc');
    expect(signedChallenge({ response: { clientDataJSON: 'not json' } })).toBeNull();
    expect(signedChallenge({})).toBeNull();
    expect(signedChallenge(null)).toBeNull();
  });
});
