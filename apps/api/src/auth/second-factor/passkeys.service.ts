import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type {
  ConfirmWithSecondFactor,
  LoginResponse,
  Passkey,
  PasskeyAssertion,
  PasskeyCreationOptions,
  PasskeyRegistration,
  PasskeyRequestOptions,
} from '@samverkan/contracts';
import { AuditService } from '../../audit/audit.service';
import { badRequest, conflict, DetailedHttpException } from '../../common/api-exception.filter';
import { UnitOfWork } from '../../database/transaction-events';
import { AUTH_EVENTS, type AuthUser } from '../auth-user';
import { AuthService } from '../auth.service';
import { LoginThrottle } from '../login-throttle';
import { MfaChallenges } from './mfa-challenges';
import { PasskeyCeremonies } from './passkey-ceremonies';
import { PasskeysRepository } from './passkeys.repository';
import { SecondFactorService, signInEnded } from './second-factor.service';

function passkeyNotRecognised(): DetailedHttpException {
  return new DetailedHttpException(
    HttpStatus.UNAUTHORIZED,
    [
      {
        field: 'response',
        message: 'is not one of your passkeys, or was used already',
        reason: 'passkey_not_recognised',
      },
    ],
    'The passkey was not recognised',
  );
}

/**
 * Passkeys as a second factor beside TOTP: adding one (signed in), the sign-in's second step with one, listing
 * and removing them. The audit records that a passkey came or went, never keys, ids or the browser's answers.
 */
@Injectable()
export class PasskeysService {
  constructor(
    private readonly repository: PasskeysRepository,
    private readonly ceremonies: PasskeyCeremonies,
    private readonly secondFactor: SecondFactorService,
    private readonly mfaChallenges: MfaChallenges,
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  list(user: AuthUser): Promise<Passkey[]> {
    return this.repository.list(user.id);
  }

  registrationOptions(user: AuthUser): Promise<PasskeyCreationOptions> {
    return this.ceremonies.registrationOptions(user);
  }

  async add(user: AuthUser, name: string, response: PasskeyRegistration): Promise<Passkey> {
    const trimmed = name.trim();
    if (!trimmed) throw badRequest('name', 'is required', 'required');
    // Answers to someone else's challenge, or forged ones, are guesses too: slowed like wrong passwords.
    const attempt = this.throttle.admitPasswordCheck(user.id);
    const credential = await this.ceremonies.verifyRegistration(user.id, response);
    if (!credential) {
      attempt.failed();
      throw badRequest(
        'response',
        "is not an answer to this account's passkey set-up, or it expired",
        'passkey_not_recognised',
      );
    }
    attempt.succeeded();
    return this.unitOfWork.run(async ({ manager, raise }) => {
      const passkey = await this.repository.add(manager, user.id, { ...credential, name: trimmed });
      if (!passkey) throw conflict('response', 'This passkey is registered already', 'already_exists');
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'passkey-add',
        entity: 'user',
        entityId: user.id,
        before: { mfaEnabled: user.mfaEnabled },
        after: { mfaEnabled: true, passkeyId: passkey.id },
      });
      await raise(AUTH_EVENTS.callerChanged, { userId: user.id });
      return passkey;
    });
  }

  /** Options for confirming a removal (or turning the second factor off) with a passkey. */
  confirmOptions(user: AuthUser): Promise<PasskeyRequestOptions> {
    return this.ceremonies.assertionOptions(user.id, 'confirm');
  }

  async remove(user: AuthUser, id: string, confirmation: ConfirmWithSecondFactor): Promise<void> {
    const passkeys = await this.repository.list(user.id);
    if (!passkeys.some((passkey) => passkey.id === id))
      throw new NotFoundException(`You have no passkey with id ${id}`);
    const othersLeft = passkeys.length > 1 || (await this.secondFactor.hasTotp(user.id));
    if (user.mfaRequired && !othersLeft) {
      throw new DetailedHttpException(
        HttpStatus.FORBIDDEN,
        [
          {
            field: 'mfa',
            message: 'your role needs a second factor, and this is your last one',
            reason: 'mfa_required',
          },
        ],
        'Your role needs a second factor: add another before removing your last one',
      );
    }
    await this.secondFactor.confirmIdentity(user, confirmation);
    await this.unitOfWork.run(async ({ manager, raise }) => {
      if (!(await this.repository.remove(manager, user.id, id))) {
        throw new NotFoundException(`You have no passkey with id ${id}`);
      }
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'passkey-remove',
        entity: 'user',
        entityId: user.id,
        before: { mfaEnabled: true, passkeyId: id },
        after: { mfaEnabled: othersLeft },
      });
      await raise(AUTH_EVENTS.callerChanged, { userId: user.id });
    });
  }

  /** Options for the sign-in's second step; the challenge belongs to this `mfaToken`. */
  async loginOptions(mfaToken: string): Promise<PasskeyRequestOptions> {
    const challenge = await this.mfaChallenges.find(mfaToken);
    if (!challenge) throw signInEnded();
    return this.ceremonies.assertionOptions(challenge.userId, 'sign-in', challenge.id);
  }

  /** The second sign-in step with a passkey: counted as a code would be, by the challenge and the throttle. */
  async login(mfaToken: string, response: PasskeyAssertion, ip: string): Promise<LoginResponse> {
    const challenge = await this.mfaChallenges.find(mfaToken);
    if (!challenge) throw signInEnded();
    const attempt = this.throttle.admitLogin(ip, challenge.email);
    if (!(await this.ceremonies.verifyAssertion(challenge.userId, response, 'sign-in', challenge.id))) {
      await this.mfaChallenges.countFailure(challenge.id);
      attempt.failed();
      throw passkeyNotRecognised();
    }
    if (!(await this.mfaChallenges.consume(challenge.id))) {
      attempt.failed();
      throw signInEnded();
    }
    attempt.succeeded();
    return this.auth.startSession(challenge.userId);
  }
}
