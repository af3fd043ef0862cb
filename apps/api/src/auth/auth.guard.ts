import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '@samverkan/contracts';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { assertSecondFactorSetUp } from './second-factor/second-factor.guard';

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : null;
}

/**
 * Every route needs a valid bearer token unless marked @Public(); a role that needs a second factor needs it set up
 * (403 `mfa_required`) unless the route is @SecondFactorExempt(); @Roles() narrows it further (403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const user = await this.auth.authenticate(bearerToken(request.headers.authorization));
    if (!user) throw new UnauthorizedException('Sign in first: the request has no valid access token');
    request.user = user;
    assertSecondFactorSetUp(user, this.reflector, targets);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`Only ${roles.join(' or ')} users may do this`);
    }
    return true;
  }
}
