import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Clock } from '../../common/clock';
import { PasskeysRepository, type PasskeyChallengeRow, type PasskeyPurpose } from './passkeys.repository';

export type { PasskeyChallengeRow, PasskeyPurpose };

/** How long a passkey ceremony (options to answer) may take; browsers give the user about a minute. */
export const PASSKEY_CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;

export interface ExpectedChallenge {
  userId: string;
  purpose: PasskeyPurpose;
  mfaChallengeId?: string;
}

/** Whether a challenge taken from the store may finish this ceremony at `now`. */
export function challengeFits(row: PasskeyChallengeRow, expected: ExpectedChallenge, now: Date): boolean {
  return (
    row.expiresAt.getTime() > now.getTime() &&
    row.userId === expected.userId &&
    row.purpose === expected.purpose &&
    row.mfaChallengeId === (expected.mfaChallengeId ?? null)
  );
}

/** The challenge the browser signed, read from the answer's clientDataJSON (base64url JSON); null if unreadable. */
export function signedChallenge(response: unknown): string | null {
  try {
    const clientDataJSON = (response as { response?: { clientDataJSON?: unknown } }).response?.clientDataJSON;
    if (typeof clientDataJSON !== 'string') return null;
    const clientData = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as {
      challenge?: unknown;
    };
    return typeof clientData.challenge === 'string' ? clientData.challenge : null;
  } catch {
    return null;
  }
}

/**
 * WebAuthn challenges, kept in the database (so any instance can finish a ceremony) and usable once: taking one
 * deletes it, whether or not it then fits, so an answer cannot be sent twice and a wrong one burns its challenge.
 */
@Injectable()
export class PasskeyChallenges {
  constructor(
    private readonly repository: PasskeysRepository,
    private readonly clock: Clock,
  ) {}

  async issue(
    userId: string,
    purpose: PasskeyPurpose,
    mfaChallengeId: string | null = null,
  ): Promise<string> {
    const challenge = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.repository.insertChallenge(
      {
        challenge,
        userId,
        purpose,
        mfaChallengeId,
        expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_LIFETIME_MS),
      },
      now,
    );
    return challenge;
  }

  /** True when `challenge` was issued for this ceremony and is still fresh; either way it is used up. */
  async take(challenge: string, expected: ExpectedChallenge): Promise<boolean> {
    const row = await this.repository.takeChallenge(challenge);
    return row !== null && challengeFits(row, expected, this.clock.now());
  }
}
