import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@samverkan/contracts';
import type { AuthUser } from './auth-user';

export const PUBLIC_ROUTE = 'samverkan:public';
export const ALLOWED_ROLES = 'samverkan:roles';

/** The route needs no sign-in (health, login). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** The signed-in caller. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
