import type { Organisation, OrganisationKind, Role, User } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserEntity } from './entities/user.entity';

/** `mfaRequiredRoles`: MFA_REQUIRED_ROLES, which decides `mfaRequired`. */
export function toUserDto(user: UserEntity, mfaRequiredRoles: readonly Role[]): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    canSign: user.canSign,
    organisationId: user.organisationId,
    disabled: user.disabled,
    // A user just saved was not read back with the virtual column; a new user has no second factor.
    mfaEnabled: user.mfaEnabled ?? false,
    mfaRequired: mfaRequiredRoles.includes(user.role),
  };
}

/**
 * The signed-in caller behind a session. Written out as one literal, not `{ ...toUserDto(user), … }`: V8 gives
 * spread copies made at many call sites a hidden class each, so every connected socket kept its user with a
 * shape of its own (about 370 bytes more per socket); with a literal they all share one.
 */
export function toAuthUser(
  user: UserEntity,
  organisationKind: OrganisationKind,
  sessionId: string,
  mfaRequiredRoles: readonly Role[],
): AuthUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    canSign: user.canSign,
    organisationId: user.organisationId,
    disabled: user.disabled,
    mfaEnabled: user.mfaEnabled ?? false,
    mfaRequired: mfaRequiredRoles.includes(user.role),
    organisationKind,
    sessionId,
  };
}

export function toOrganisationDto(organisation: OrganisationEntity): Organisation {
  return { id: organisation.id, name: organisation.name, kind: organisation.kind };
}
