import { SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { User } from '@samverkan/contracts';
import { DetailedHttpException } from '../../common/api-exception.filter';

const SECOND_FACTOR_EXEMPT = 'samverkan:second-factor-exempt';

/** The route stays open to a user whose role needs a second factor they have not set up yet. */
export const SecondFactorExempt = () => SetMetadata(SECOND_FACTOR_EXEMPT, true);

/** The role needs a second factor and the account has none: nothing but setting one up is allowed. */
export function lacksRequiredSecondFactor(user: Pick<User, 'mfaRequired' | 'mfaEnabled'>): boolean {
  return user.mfaRequired && !user.mfaEnabled;
}

/** For the HTTP guard: throws 403 `mfa_required` unless the route is exempt or the user is fine. */
export function assertSecondFactorSetUp(
  user: User,
  reflector: Reflector,
  targets: Parameters<Reflector['getAllAndOverride']>[1],
): void {
  if (!lacksRequiredSecondFactor(user)) return;
  if (reflector.getAllAndOverride<boolean>(SECOND_FACTOR_EXEMPT, targets)) return;
  throw new DetailedHttpException(
    403,
    [{ field: 'mfa', message: 'your role needs a second factor: set one up first', reason: 'mfa_required' }],
    'Set up a second factor first: your role needs one',
  );
}

/** For the socket handshake: the `connect_error` for such a user, or null. */
export function secondFactorSocketRefusal(user: User): Error | null {
  return lacksRequiredSecondFactor(user) ? new Error('mfa_required') : null;
}
