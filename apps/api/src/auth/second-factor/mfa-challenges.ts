import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { Clock } from '../../common/clock';
import { ChallengeRow, SecondFactorRepository } from './second-factor.repository';

/** How long the step between the password and the code may take. */
export const MFA_TOKEN_LIFETIME_MS = 5 * 60 * 1000;
/** Wrong codes a challenge survives; the fifth ends it and the password must be given again. */
export const MFA_TOKEN_MAX_FAILURES = 5;

/** Only a hash is stored: a copy of the table does not let anyone finish someone's sign-in. */
function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The `mfaToken` a right password earns when the account has a second factor. */
@Injectable()
export class MfaChallenges {
  constructor(
    private readonly repository: SecondFactorRepository,
    private readonly clock: Clock,
  ) {}

  async start(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.repository.createChallenge(
      userId,
      tokenHash(token),
      new Date(now.getTime() + MFA_TOKEN_LIFETIME_MS),
      now,
    );
    return token;
  }

  find(token: string): Promise<ChallengeRow | null> {
    return this.repository.findLiveChallenge(tokenHash(token), this.clock.now(), MFA_TOKEN_MAX_FAILURES);
  }

  /** A wrong answer at the second step (a code or a passkey): the fifth ends the challenge. */
  countFailure(challengeId: string): Promise<void> {
    return this.repository.countFailure(challengeId);
  }

  /** Uses the challenge up; false when a parallel request did first. */
  consume(challengeId: string): Promise<boolean> {
    return this.repository.consumeChallenge(challengeId);
  }
}
