import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { LoginResponse, LoginStepResponse } from '@samverkan/contracts';
import { badRequest } from '../common/api-exception.filter';
import { PeopleService } from '../people/people.service';
import { UnitOfWork } from '../database/transaction-events';
import { AUTH_EVENTS, AuthUser } from './auth-user';
import { LoginThrottle } from './login-throttle';
import { MfaChallenges } from './second-factor/mfa-challenges';
import { PasswordHasher } from '../people/password-hasher';
import { UserEntity } from '../people/entities/user.entity';
import { SessionCache } from './session-cache';
import { SessionsService } from './sessions.service';
import { TOKEN_LIFETIME_SECONDS, TokenPayload } from './token-payload';

/** One message for an unknown e-mail and a wrong password: the answer must not tell which it was. */
const WRONG_CREDENTIALS = 'Wrong e-mail or password';

@Injectable()
export class AuthService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly people: PeopleService,
    private readonly unitOfWork: UnitOfWork,
    private readonly mfaChallenges: MfaChallenges,
    private readonly cache: SessionCache,
  ) {}

  async login(email: string, password: string, ip: string): Promise<LoginStepResponse> {
    // Counted before the password is verified, so guesses sent in parallel all count.
    const attempt = this.throttle.admitLogin(ip, email);
    const found = await this.people.findUserWithPasswordHash(email);
    const passwordOk = await this.hasher.verify(found?.passwordHash ?? null, password);
    if (!found || !passwordOk || found.user.disabled) {
      attempt.failed();
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    if (found.user.mfaEnabled) {
      // The code still decides: the account's failures stay counted until it is right.
      attempt.passwordAccepted();
      return { mfaRequired: true, mfaToken: await this.mfaChallenges.start(found.user.id) };
    }
    attempt.succeeded();
    return this.startSession(found.user);
  }

  /** A new session and its token, for a user who has passed every step of signing in. */
  async startSession(userOrId: UserEntity | string): Promise<LoginResponse> {
    const user = typeof userOrId === 'string' ? await this.people.findUserEntity(userOrId) : userOrId;
    if (!user || user.disabled) throw new UnauthorizedException(WRONG_CREDENTIALS);
    const sessionId = randomUUID();
    await this.sessions.start(sessionId, user.id);
    const payload: TokenPayload = { sub: user.id, jti: sessionId };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: TOKEN_LIFETIME_SECONDS });
    return { accessToken, user: this.people.toUserDto(user) };
  }

  /**
   * The caller behind a bearer token, or null: the signature and expiry are checked, and then the session and its
   * user in one statement, so a revoked token or a disabled user stops working at once. A token checked within
   * the last seconds is let in from the session cache, which every revocation empties first (SessionCache).
   */
  async authenticate(token: string | undefined | null): Promise<AuthUser | null> {
    if (!token) return null;
    const cached = this.cache.get(token);
    if (cached) return cached;
    let payload: TokenPayload & { exp?: number };
    try {
      payload = await this.jwt.verifyAsync<TokenPayload & { exp?: number }>(token);
    } catch {
      return null;
    }
    // A token signed with our key but not made by us (or by an older version) is as bad as a forged one.
    if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string') return null;
    if (!isUUID(payload.sub) || !isUUID(payload.jti)) return null;
    const ticket = this.cache.ticket();
    const signedIn = await this.people.findSignedIn(payload.sub, payload.jti);
    if (!signedIn) return null;
    const tokenExpiry = typeof payload.exp === 'number' ? payload.exp * 1000 : signedIn.sessionExpiresAt.getTime();
    this.cache.put(token, signedIn.user, Math.min(tokenExpiry, signedIn.sessionExpiresAt.getTime()), ticket);
    return signedIn.user;
  }

  async logout(user: AuthUser): Promise<void> {
    await this.unitOfWork.run(async ({ manager, raise }) => {
      await this.sessions.revoke(manager, user.sessionId);
      await raise(AUTH_EVENTS.sessionsRevoked, { userId: user.id, sessionIds: [user.sessionId] });
    });
  }

  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    // A stolen token must not become a way to guess the password: wrong current passwords are throttled too.
    const attempt = this.throttle.admitPasswordCheck(user.id);
    const found = await this.people.findUserWithPasswordHash(user.email);
    if (!found || !(await this.hasher.verify(found.passwordHash, currentPassword))) {
      attempt.failed();
      throw badRequest('currentPassword', 'is not your current password', 'wrong_password');
    }
    attempt.succeeded();
    if (currentPassword === newPassword) {
      throw badRequest('newPassword', 'must differ from the current password', 'same_password');
    }
    await this.people.setPassword(user.id, newPassword, user.id, { keepSessionId: user.sessionId });
  }
}

