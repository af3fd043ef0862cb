import { ConflictException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type {
  ConfirmWithSecondFactor,
  LoginResponse,
  RecoveryCodesResponse,
  TotpSetupResponse,
} from '@samverkan/contracts';
import { AuditService } from '../../audit/audit.service';
import { badRequest, conflict, DetailedHttpException } from '../../common/api-exception.filter';
import { Clock } from '../../common/clock';
import { PasswordHasher } from '../../people/password-hasher';
import { PeopleService } from '../../people/people.service';
import { UnitOfWork } from '../../database/transaction-events';
import { AUTH_EVENTS, type AuthUser } from '../auth-user';
import { AuthService } from '../auth.service';
import { LoginThrottle } from '../login-throttle';
import { SessionsService } from '../sessions.service';
import { MfaChallenges } from './mfa-challenges';
import { PasskeyCeremonies } from './passkey-ceremonies';
import { PasskeysRepository } from './passkeys.repository';
import { newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes';
import { SecondFactorRepository } from './second-factor.repository';
import { acceptedTotpStep, newTotpSecret, totpUri } from './totp';

/** 401s that say which of the two it was, so the app can ask for a new code or for the password again. */
export function wrongCode(): DetailedHttpException {
  return new DetailedHttpException(
    HttpStatus.UNAUTHORIZED,
    [{ field: 'code', message: 'is wrong or was used already', reason: 'wrong_code' }],
    'The code is wrong or was used already',
  );
}

export function signInEnded(): DetailedHttpException {
  return new DetailedHttpException(
    HttpStatus.UNAUTHORIZED,
    [{ field: 'mfaToken', message: 'has expired or ended', reason: 'sign_in_expired' }],
    'This sign-in has expired or ended: give your password again',
  );
}

/**
 * TOTP enrolment, the second sign-in step, turning it off and an administrator's reset. Secrets and codes never
 * reach the audit log or the logs: the audit records only that something happened.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly repository: SecondFactorRepository,
    private readonly challenges: MfaChallenges,
    private readonly auth: AuthService,
    private readonly people: PeopleService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
    private readonly sessions: SessionsService,
    private readonly passkeys: PasskeysRepository,
    private readonly ceremonies: PasskeyCeremonies,
  ) {}

  async setup(user: AuthUser): Promise<TotpSetupResponse> {
    const secret = newTotpSecret();
    if (!(await this.repository.saveUnconfirmedSecret(user.id, secret))) {
      throw conflict(
        'mfa',
        'A second factor is on already: turn it off first to set up a new one',
        'already_exists',
      );
    }
    return { secret, otpauthUrl: totpUri(secret, user.email) };
  }

  async confirm(user: AuthUser, code: string): Promise<RecoveryCodesResponse> {
    const factor = await this.repository.findFactor(user.id);
    if (!factor)
      throw conflict('mfa', 'Start the set-up first: there is no secret to confirm', 'nothing_to_change');
    if (factor.confirmed) throw conflict('mfa', 'The second factor is confirmed already', 'already_exists');
    // Guesses with a stolen token are slowed like wrong current passwords.
    const attempt = this.throttle.admitPasswordCheck(user.id);
    const step = acceptedTotpStep(factor.secret, code.trim(), this.clock.now(), null);
    if (step === null) {
      attempt.failed();
      throw badRequest('code', 'is not the current code of the authenticator app', 'wrong_code');
    }
    attempt.succeeded();
    const recoveryCodes = newRecoveryCodes();
    // Hashed before the transaction: argon2 takes a while, and the embedded database serves one at a time.
    const hashes = await Promise.all(
      recoveryCodes.map((recoveryCode) => this.hasher.hash(normaliseRecoveryCode(recoveryCode)!)),
    );
    await this.unitOfWork.run(async ({ manager, raise }) => {
      if (!(await this.repository.confirm(manager, user.id, factor.secret, step))) {
        throw new ConflictException('The set-up changed meanwhile: start it again');
      }
      await this.repository.replaceRecoveryCodes(manager, user.id, hashes);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'mfa-enable',
        entity: 'user',
        entityId: user.id,
        after: { mfaEnabled: true },
      });
      await raise(AUTH_EVENTS.callerChanged, { userId: user.id });
    });
    return { recoveryCodes };
  }

  /** The second sign-in step: a TOTP code or an unused recovery code, counted by the login throttle. */
  async login(mfaToken: string, code: string, ip: string): Promise<LoginResponse> {
    const challenge = await this.challenges.find(mfaToken);
    if (!challenge) throw signInEnded();
    const attempt = this.throttle.admitLogin(ip, challenge.email);
    const accepted = await this.useCode(challenge.userId, code);
    if (!accepted) {
      await this.repository.countFailure(challenge.id);
      attempt.failed();
      throw wrongCode();
    }
    if (!(await this.repository.consumeChallenge(challenge.id))) {
      attempt.failed();
      throw signInEnded();
    }
    attempt.succeeded();
    return this.auth.startSession(challenge.userId);
  }

  /** Turns every second factor off: the TOTP factor, its recovery codes and the passkeys. */
  async disable(user: AuthUser, confirmation: ConfirmWithSecondFactor): Promise<void> {
    if (user.mfaRequired) {
      throw new DetailedHttpException(
        HttpStatus.FORBIDDEN,
        [
          {
            field: 'mfa',
            message: 'your role needs a second factor, so it cannot be turned off',
            reason: 'mfa_required',
          },
        ],
        'Your role needs a second factor, so it cannot be turned off',
      );
    }
    if (!user.mfaEnabled) throw conflict('mfa', 'There is no second factor to turn off', 'nothing_to_change');
    await this.confirmIdentity(user, confirmation);
    await this.unitOfWork.run(async ({ manager, raise }) => {
      await this.repository.removeFactor(manager, user.id);
      await this.passkeys.removeAll(manager, user.id);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'mfa-disable',
        entity: 'user',
        entityId: user.id,
        after: { mfaEnabled: false },
      });
      await raise(AUTH_EVENTS.callerChanged, { userId: user.id });
    });
  }

  /**
   * The current password and a second factor (a code, or a passkey's answer), as turning a factor off asks:
   * a stolen token alone must not remove one. Wrong answers are throttled like wrong current passwords.
   */
  async confirmIdentity(user: AuthUser, confirmation: ConfirmWithSecondFactor): Promise<void> {
    const { currentPassword, code, passkey } = confirmation;
    if (code === undefined && passkey === undefined) {
      throw badRequest('code', 'is required (or a passkey instead)', 'required');
    }
    const attempt = this.throttle.admitPasswordCheck(user.id);
    const found = await this.people.findUserWithPasswordHash(user.email);
    if (!found || !(await this.hasher.verify(found.passwordHash, currentPassword))) {
      attempt.failed();
      throw badRequest('currentPassword', 'is not your current password', 'wrong_password');
    }
    if (passkey !== undefined) {
      if (!(await this.ceremonies.verifyAssertion(user.id, passkey, 'confirm'))) {
        attempt.failed();
        throw badRequest('passkey', 'is not one of your passkeys, or its answer is stale', 'passkey_not_recognised');
      }
    } else if (!(await this.useCode(user.id, code ?? ''))) {
      attempt.failed();
      throw badRequest('code', 'is not a current code or an unused recovery code', 'wrong_code');
    }
    attempt.succeeded();
  }

  /** Whether the user has a confirmed TOTP factor (passkeys aside). */
  async hasTotp(userId: string): Promise<boolean> {
    return (await this.repository.findFactor(userId))?.confirmed ?? false;
  }

  /**
   * An administrator's help for someone who lost the phone and the codes (or the passkeys): every factor goes,
   * and every session.
   */
  async reset(userId: string, actor: AuthUser): Promise<void> {
    await this.people.getUser(userId).catch(() => {
      throw new NotFoundException(`No user with id ${userId}`);
    });
    await this.unitOfWork.run(async ({ manager, raise }) => {
      const hadTotp = await this.repository.removeFactor(manager, userId);
      const hadPasskeys = (await this.passkeys.removeAll(manager, userId)) > 0;
      // Every session ends with the factor; once committed, the user's sockets close too.
      await this.sessions.revokeAllOf(manager, userId);
      await raise(AUTH_EVENTS.sessionsRevoked, { userId });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'mfa-reset',
        entity: 'user',
        entityId: userId,
        before: { mfaEnabled: hadTotp || hadPasskeys },
        after: { mfaEnabled: false },
      });
    });
  }

  /** True when the code is accepted and now used up: a TOTP code's step, or one recovery code. */
  private async useCode(userId: string, input: string): Promise<boolean> {
    const code = input.trim();
    if (/^\d{6}$/.test(code)) {
      const factor = await this.repository.findFactor(userId);
      if (!factor?.confirmed) return false;
      const step = acceptedTotpStep(factor.secret, code, this.clock.now(), factor.lastStep);
      return step !== null && this.repository.useStep(userId, step);
    }
    const recoveryCode = normaliseRecoveryCode(code);
    if (recoveryCode === null) return false;
    for (const row of await this.repository.unusedRecoveryCodes(userId)) {
      if (!(await this.hasher.verify(row.codeHash, recoveryCode))) continue;
      return this.repository.transaction(async (manager) => {
        if (!(await this.repository.useRecoveryCode(manager, row.id))) return false;
        await this.audit.record(manager, {
          actorId: userId,
          action: 'mfa-recovery-code-used',
          entity: 'user',
          entityId: userId,
        });
        return true;
      });
    }
    return false;
  }
}
