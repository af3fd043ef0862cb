import { Injectable, UnauthorizedException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { LoginResponse } from '@samverkan/contracts';
import { badRequest } from '../common/api-exception.filter';
import { PeopleService } from '../people/people.service';
import { toUserDto } from '../people/people.mapper';
import { AUTH_EVENTS, AuthUser, SessionsRevokedEvent } from './auth-user';
import { SessionEntity } from './entities/session.entity';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from '../people/password-hasher';
import { TOKEN_LIFETIME_SECONDS, TokenPayload } from './token-payload';

/** One message for an unknown e-mail and a wrong password: the answer must not tell which it was. */
const WRONG_CREDENTIALS = 'Wrong e-mail or password';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly people: PeopleService,
    private readonly events: EventEmitter2,
  ) {}

  async login(email: string, password: string, ip: string): Promise<LoginResponse> {
    this.throttle.admit(ip, email);
    const found = await this.people.findUserWithPasswordHash(email);
    const passwordOk = await this.hasher.verify(found?.passwordHash ?? null, password);
    if (!found || !passwordOk || found.user.disabled) {
      this.throttle.failed(ip, email);
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    this.throttle.succeeded(email);
    const sessionId = randomUUID();
    await this.dataSource.getRepository(SessionEntity).insert({
      id: sessionId,
      userId: found.user.id,
      expiresAt: new Date(Date.now() + TOKEN_LIFETIME_SECONDS * 1000),
      revokedAt: null,
    });
    const payload: TokenPayload = { sub: found.user.id, jti: sessionId };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: TOKEN_LIFETIME_SECONDS });
    return { accessToken, user: toUserDto(found.user) };
  }

  /**
   * The caller behind a bearer token, or null: the signature and expiry are checked, and then the session,
   * so a revoked token or a disabled user stops working at once.
   */
  async authenticate(token: string | undefined | null): Promise<AuthUser | null> {
    if (!token) return null;
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      return null;
    }
    if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string') return null;
    return this.people.findActiveSessionUser(payload.jti, payload.sub);
  }

  async logout(user: AuthUser): Promise<void> {
    await this.dataSource
      .getRepository(SessionEntity)
      .update({ id: user.sessionId }, { revokedAt: () => 'now()' });
    this.announceRevoked({ userId: user.id, sessionIds: [user.sessionId] });
  }

  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const found = await this.people.findUserWithPasswordHash(user.email);
    if (!found || !(await this.hasher.verify(found.passwordHash, currentPassword))) {
      throw badRequest('currentPassword', 'is not your current password');
    }
    if (currentPassword === newPassword) {
      throw badRequest('newPassword', 'must differ from the current password');
    }
    await this.people.setPassword(user.id, newPassword, user.id, { keepSessionId: user.sessionId });
  }

  /** Tells the socket gateway which sessions to disconnect. */
  announceRevoked(event: SessionsRevokedEvent): void {
    this.events.emit(AUTH_EVENTS.sessionsRevoked, event);
  }
}

